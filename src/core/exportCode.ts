/**
 * Code that trains the lab's model elsewhere: a runnable script for PySpark, for the Python
 * library `implicit`, for plain numpy (the lecture's closed form, every variant) and for MF Lab's
 * own command line. Each is a pure string generator; each says in comments how its library's
 * conventions map onto the lab's, and where the results will differ and why.
 *
 * The scripts read the lab's exported ratings (`user<TAB>item<TAB>value`, as `serializeRatings(R,
 * '\t', false)` writes them) and, for numpy and the command line, the initial factors (a
 * {@link FactorFile}), so that they start from the very same U and V.
 */
import type { Mode } from './problem';
import type { RowSolver, Variant } from './variant';

export type ExportTarget = 'spark' | 'implicit' | 'numpy' | 'cli';

export const EXPORT_TARGETS: readonly ExportTarget[] = ['spark', 'implicit', 'numpy', 'cli'];

/** Everything a script needs to train the lab's model. */
export interface ExportSpec {
  mode: Mode;
  variant: Variant;
  /** d. */
  factors: number;
  lambda: number;
  /** Implicit: c = 1 + α·r. */
  alpha: number;
  iterations: number;
  seed: number;
  /** Standard deviation of the initial entries (when no factor file is given). */
  initScale: number;
  solver: RowSolver;
  cgSteps: number;
  /** Path of the training ratings file the script reads. */
  ratingsFile: string;
  /** Path of the held-out ratings, or null. */
  testFile: string | null;
  /** Path of the initial factors (numpy and the command line), or null for a seeded random start. */
  initFile: string | null;
  /** The data's shape, for the comments that translate λ between conventions (optional). */
  shape?: { users: number; items: number; ratings: number } | null;
  /** Ranking cut-off for implicit evaluation (default 10). */
  k?: number;
}

/** The script for a target, ready to save and run. */
export function exportCode(target: ExportTarget, spec: ExportSpec): string {
  checkSpec(spec);
  switch (target) {
    case 'spark':
      return sparkScript(spec);
    case 'implicit':
      return implicitScript(spec);
    case 'numpy':
      return numpyScript(spec);
    case 'cli':
      return cliScript(spec);
  }
}

/** A file name for the script of a target. */
export function exportFileName(target: ExportTarget): string {
  return { spark: 'mf_lab_spark.py', implicit: 'mf_lab_implicit.py', numpy: 'mf_lab_numpy.py', cli: 'mf_lab_cli.sh' }[target];
}

function checkSpec(s: ExportSpec): void {
  const finite = (x: number) => Number.isFinite(x);
  if (!Number.isInteger(s.factors) || s.factors < 1) throw new RangeError(`d must be a whole number ≥ 1 (got ${s.factors}).`);
  if (!(s.lambda >= 0) || !finite(s.lambda)) throw new RangeError(`λ must be a number ≥ 0 (got ${s.lambda}).`);
  if (!(s.alpha >= 0) || !finite(s.alpha)) throw new RangeError(`α must be a number ≥ 0 (got ${s.alpha}).`);
  if (!Number.isInteger(s.iterations) || s.iterations < 0)
    throw new RangeError(`The iterations must be a whole number ≥ 0 (got ${s.iterations}).`);
  if (!Number.isInteger(s.seed)) throw new RangeError(`The seed must be a whole number (got ${s.seed}).`);
  if (s.variant === 'biases' && s.mode === 'implicit') throw new RangeError('The biases variant is for explicit ratings only.');
}

/** A Python float literal. */
function py(x: number): string {
  return Number.isInteger(x) ? x.toFixed(1) : String(x);
}

/** A Python string literal (JSON's escapes are valid in Python). */
function pyStr(s: string): string {
  return JSON.stringify(s);
}

function pyOptStr(s: string | null): string {
  return s === null ? 'None' : pyStr(s);
}

/** A shell word, single-quoted when it needs to be. */
function sh(word: string): string {
  return /^[\w./@%+=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Comment lines (each prefixed by `# `), wrapped from paragraphs. */
function comment(paragraphs: string[]): string {
  const out: string[] = [];
  for (const p of paragraphs) {
    let line = '#';
    for (const word of p.split(/\s+/)) {
      if (line.length + word.length + 1 > 96 && line !== '#') {
        out.push(line);
        line = '#';
      }
      line += ` ${word}`;
    }
    out.push(line);
    out.push('#');
  }
  out.pop();
  return out.join('\n');
}

const VARIANT_NAMES: Record<Variant, string> = {
  lecture: "the lecture's objective (one λ for every row)",
  wr: 'ALS-WR (λ times each row’s count)',
  biases: 'biases (μ + bᵢ + cⱼ + uᵢᵀvⱼ, biases regularised by λ)',
};

function describeModel(s: ExportSpec): string {
  const solver = s.mode === 'implicit' && s.solver === 'cg' ? `, conjugate gradient (${s.cgSteps} steps per row)` : '';
  const alpha = s.mode === 'implicit' ? `, α = ${s.alpha} (c = 1 + α·r)` : '';
  return `${s.mode} ALS, ${VARIANT_NAMES[s.variant]}: d = ${s.factors}, λ = ${s.lambda}${alpha}, ${s.iterations} iterations, seed ${s.seed}${solver}.`;
}

/** Average ratings per user and per item, when the shape is known. */
function averageCounts(s: ExportSpec): { perUser: number; perItem: number } | null {
  const shape = s.shape;
  if (!shape || shape.users === 0 || shape.items === 0) return null;
  return { perUser: shape.ratings / shape.users, perItem: shape.ratings / shape.items };
}

function sparkConventions(s: ExportSpec): string[] {
  const notes: string[] = [];
  const avg = averageCounts(s);
  if (s.variant === 'wr') {
    notes.push(
      'MF Lab’s ALS-WR variant is Spark’s own convention: Spark multiplies regParam by the number of ratings of each row (implicit mode: by its interactions with r > 0), in both modes. Same objective, same λ.',
    );
  } else if (s.variant === 'lecture') {
    notes.push(
      `Spark always multiplies regParam by each row’s number of ratings (ALS-WR), in both modes; the lecture’s objective uses one λ for every row. So this is NOT the lab’s model: the same regParam regularises heavy users and popular items far more in Spark. Expect different factors and a different error.${avg ? ` To regularise an average row about as much, use regParam ≈ λ / (ratings per row): ${fmt(s.lambda / avg.perUser)} for users, ${fmt(s.lambda / avg.perItem)} for items (Spark takes one value). ` : ' '}Export the ALS-WR variant from MF Lab for a like-for-like run.`,
    );
  } else {
    notes.push(
      'Spark’s ALS has no bias terms (no μ, bᵢ, cⱼ), and it scales regParam by each row’s count (ALS-WR). This script fits Spark’s ALS on the ratings themselves, a different model from MF Lab’s biases variant: expect a different (usually higher) held-out RMSE.',
    );
  }
  if (s.mode === 'implicit') {
    notes.push(
      'Implicit feedback: Spark uses p = [r > 0] and c = 1 + α|r|, the same as MF Lab’s c = 1 + α·r for r ≥ 0, and gives every unobserved pair c = 1, p = 0, as MF Lab does.',
    );
    if (s.solver === 'cg')
      notes.push(
        'MF Lab solved rows by conjugate gradient; Spark always solves them exactly (Cholesky), so its rows are the exact solutions.',
      );
  }
  notes.push(
    'Differences to expect even for the same objective: Spark starts from its own random factors (Gaussian rows scaled to unit length, from `seed`), not MF Lab’s; it stores factors as 32-bit floats; and it partitions the data into blocks (the solution of each half-step does not depend on that). Held-out rows whose user or item is not in the training data are dropped (coldStartStrategy="drop"), as MF Lab skips them.',
  );
  return notes;
}

function fmt(x: number): string {
  return x.toPrecision(3);
}

function sparkScript(s: ExportSpec): string {
  const implicit = s.mode === 'implicit';
  const k = s.k ?? 10;
  return `#!/usr/bin/env python3
# MF Lab export for Apache Spark (pyspark.ml.recommendation.ALS):
# ${describeModel(s)}
#
# Run it locally:   spark-submit --master "local[*]" ${'mf_lab_spark.py'}
# On a cluster:     copy the ratings file(s) to storage every node can read (HDFS, S3, …), set
#                   RATINGS / TEST below to those paths, then
#                   spark-submit --master yarn --deploy-mode cluster mf_lab_spark.py
#
${comment(sparkConventions(s))}
from pyspark.ml.evaluation import RankingEvaluator, RegressionEvaluator
from pyspark.ml.feature import StringIndexer
from pyspark.ml.recommendation import ALS
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

RATINGS = ${pyStr(s.ratingsFile)}  # user<TAB>item<TAB>value, as MF Lab exports it
TEST = ${pyOptStr(s.testFile)}  # held-out ratings in the same format, or None
K = ${k}  # cut-off of precision@k (implicit)

spark = SparkSession.builder.appName("MF Lab ALS").getOrCreate()


def load(path):
    raw = spark.read.csv(path, sep="\\t", header=False, inferSchema=True, comment="#")
    return raw.select(
        F.col("_c0").cast("string").alias("user"),
        F.col("_c1").cast("string").alias("item"),
        F.col("_c2").cast("double").alias("rating"),
    )


# Spark's ALS wants integer ids: number users and items as they appear in the training data.
train = load(RATINGS)
users = StringIndexer(inputCol="user", outputCol="userIndex", handleInvalid="skip").fit(train)
items = StringIndexer(inputCol="item", outputCol="itemIndex", handleInvalid="skip").fit(train)


def indexed(df):
    return items.transform(users.transform(df))


train = indexed(train).cache()
als = ALS(
    rank=${s.factors},
    regParam=${py(s.lambda)},
    maxIter=${s.iterations},
    implicitPrefs=${implicit ? 'True' : 'False'},
    alpha=${py(s.alpha)},
    seed=${s.seed},
    userCol="userIndex",
    itemCol="itemIndex",
    ratingCol="rating",
    nonnegative=False,
    coldStartStrategy="drop",
)
model = als.fit(train)
print(f"trained: rank {model.rank}, {train.count()} ratings")

if TEST is not None:
    test = indexed(load(TEST))
${implicit ? sparkRanking() : sparkRegression()}
spark.stop()
`;
}

function sparkRegression(): string {
  return `    predictions = model.transform(test)
    for metric in ("rmse", "mae"):
        evaluator = RegressionEvaluator(metricName=metric, labelCol="rating", predictionCol="prediction")
        print(f"held-out {metric.upper()}: {evaluator.evaluate(predictions):.4f}")`;
}

function sparkRanking(): string {
  return `    # precision@K as MF Lab defines it: each user's top K among the items they have not
    # interacted with in training, hits / K, averaged over users with held-out interactions.
    # recommendForAllUsers does not skip training items, so ask for enough to drop them.
    seen = train.filter(F.col("rating") > 0).groupBy("userIndex").agg(F.collect_set("itemIndex").alias("seen"))
    most = seen.select(F.max(F.size("seen"))).first()[0] or 0
    truth = test.filter(F.col("rating") > 0).groupBy("userIndex").agg(F.collect_set("itemIndex").alias("truth"))
    recs = model.recommendForAllUsers(K + most)
    ranked = recs.join(seen, "userIndex", "left").join(truth, "userIndex").select(
        F.expr(
            "slice(filter(transform(recommendations, r -> double(r.itemIndex)),"
            f" x -> NOT array_contains(coalesce(seen, array()), x)), 1, {K})"
        ).alias("prediction"),
        F.col("truth").alias("label"),
    )
    evaluator = RankingEvaluator(metricName="precisionAtK", k=K, predictionCol="prediction", labelCol="label")
    print(f"held-out precision@{K}: {evaluator.evaluate(ranked):.4f}")`;
}

function implicitConventions(s: ExportSpec): string[] {
  const notes: string[] = [];
  if (s.mode === 'explicit') {
    notes.push(
      'MF Lab’s model is explicit (squared error on the known ratings only). The implicit library fits implicit feedback only: this script reads each rating r as an amount of interaction (p = 1, c = 1 + α·r over all pairs), a different model. Expect different numbers, and compare it with MF Lab in implicit mode.',
    );
  }
  notes.push(
    `Confidence: implicit stores the confidence itself, c = alpha × value for a listed pair, with no + 1 (unlisted pairs keep c = 1, p = 0, as in MF Lab). So MF Lab’s c = 1 + α·r is passed as the value 1 + α·r with alpha = 1.0 (α = ${s.alpha}). For 0/1 data the same model is value 1 with alpha = 1 + α. Pairs with r = 0 are left out: a listed pair means p = 1 to implicit.`,
  );
  if (s.variant === 'wr') {
    notes.push(
      'implicit does not scale regularization by each row’s count; MF Lab’s ALS-WR does (λ·nᵢ). This script passes λ unscaled, so its model is the lecture’s objective, not ALS-WR: expect different factors.',
    );
  } else {
    notes.push('implicit does not scale regularization by each row’s count, like the lecture’s objective: same λ.');
  }
  notes.push(
    s.solver === 'cg'
      ? `MF Lab solved rows by conjugate gradient (${s.cgSteps} steps), like implicit’s default use_cg=True (3 steps).`
      : 'implicit’s default solver is an approximate conjugate gradient (use_cg=True, 3 steps per row); use_cg=False below gives the exact solve that MF Lab uses.',
  );
  notes.push(
    'Differences to expect: implicit starts from its own random factors (random_state), not MF Lab’s; dtype=np.float64 below avoids its 32-bit default; the GPU version (use_gpu) always uses conjugate gradient in 32 bits, so it is switched off.',
  );
  return notes;
}

function implicitScript(s: ExportSpec): string {
  const k = s.k ?? 10;
  return `#!/usr/bin/env python3
# MF Lab export for the Python library implicit (implicit.als.AlternatingLeastSquares, version 0.5 or
# later: fit() takes a users × items matrix):
# ${describeModel(s)}
#
# Run it:  pip install implicit numpy scipy  &&  python3 mf_lab_implicit.py
#
${comment(implicitConventions(s))}
import numpy as np
import scipy.sparse as sparse
from implicit.als import AlternatingLeastSquares

RATINGS = ${pyStr(s.ratingsFile)}  # user<TAB>item<TAB>value, as MF Lab exports it
TEST = ${pyOptStr(s.testFile)}  # held-out interactions in the same format, or None
ALPHA = ${py(s.alpha)}  # MF Lab's α in c = 1 + α·r
K = ${k}  # cut-off of precision@k


def read(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\\n").split("\\t")
            if len(fields) >= 3 and not line.startswith("#"):
                rows.append((fields[0], fields[1], float(fields[2])))
    return rows


users, items = {}, {}
train_rows = [(users.setdefault(u, len(users)), items.setdefault(i, len(items)), r) for u, i, r in read(RATINGS)]
rows, cols, values = [], [], []
for u, i, r in train_rows:
    if r > 0:  # a listed pair is p = 1 to implicit
        rows.append(u)
        cols.append(i)
        values.append(1.0 + ALPHA * r)  # the confidence c itself
user_items = sparse.csr_matrix((values, (rows, cols)), shape=(len(users), len(items)), dtype=np.float64)

model = AlternatingLeastSquares(
    factors=${s.factors},
    regularization=${py(s.lambda)},
    alpha=1.0,
    iterations=${s.iterations},
    use_cg=${s.solver === 'cg' ? 'True' : 'False'},
    use_gpu=False,
    dtype=np.float64,
    calculate_training_loss=True,
    random_state=${s.seed},
)
model.fit(user_items)
print(f"trained: {len(users)} users x {len(items)} items, {user_items.nnz} interactions")

if TEST is not None:
    # precision@K as MF Lab defines it: each user's top K among the items they have not
    # interacted with in training, hits / K, averaged over users with held-out interactions.
    truth = {}
    for u, i, r in read(TEST):
        if r > 0 and u in users and i in items:
            truth.setdefault(users[u], set()).add(items[i])
    ids = np.array(sorted(truth))
    if len(ids):
        recommended, _ = model.recommend(ids, user_items[ids], N=K, filter_already_liked_items=True)
        hits = [len(truth[u] & set(int(x) for x in recommended[n] if x >= 0)) for n, u in enumerate(ids)]
        print(f"held-out precision@{K}: {np.mean(hits) / K:.4f} over {len(ids)} users")
`;
}

function numpyScript(s: ExportSpec): string {
  return `#!/usr/bin/env python3
# MF Lab export for numpy: ALS with the lecture's closed form, row by row, exactly as MF Lab runs it.
# ${describeModel(s)}
#
# Run it:  python3 mf_lab_numpy.py [--ratings FILE] [--test FILE] [--init FILE] [--steps uiui…] [--json]
# Needs Python 3.8+ and numpy (Debian: apt-get install python3-numpy).
#
${comment([
  'Same conventions as MF Lab, so with --init (the initial factors MF Lab exports) the objective after each half-step matches the lab’s to rounding. Without --init the start is numpy’s own seeded random N(0, SCALE²) factors, not MF Lab’s, so the numbers differ a little.',
  'Each half-step solves, for every user i (and then every item j, with U and V swapped), the d×d normal equations by Cholesky: explicit uᵢ = (V_ΩᵢᵀV_Ωᵢ + λI)⁻¹ V_Ωᵢᵀ r_Ωᵢ; implicit uᵢ = (VᵀCⁱV + λI)⁻¹ VᵀCⁱpᵢ with c = 1 + α·r, p = [r > 0] and c = 1 for unlisted pairs. ALS-WR puts λ·nᵢ on the diagonal (nᵢ = the row’s ratings; implicit: its r > 0 interactions). Biases solve [bᵢ, uᵢ] with ṽⱼ = [1, vⱼ] against r − μ − cⱼ, μ the mean training rating. A row whose system is singular (λ = 0, too few ratings) keeps its old value, as in MF Lab.',
])}
import argparse
import json
import sys

import numpy as np

MODE = ${pyStr(s.mode)}  # "explicit" or "implicit"
VARIANT = ${pyStr(s.variant)}  # "lecture", "wr" or "biases"
FACTORS = ${s.factors}  # d
LAMBDA = ${py(s.lambda)}  # λ
ALPHA = ${py(s.alpha)}  # implicit: c = 1 + α·r
ITERATIONS = ${s.iterations}
SEED = ${s.seed}
SCALE = ${py(s.initScale)}  # initial entries ~ N(0, SCALE²) without --init
RATINGS = ${pyStr(s.ratingsFile)}
TEST = ${pyOptStr(s.testFile)}
INIT = ${pyOptStr(s.initFile)}
K = ${s.k ?? 10}  # implicit: precision@K on held-out interactions
${NUMPY_BODY}`;
}

/** The numpy script's code after its settings: the same for every export. */
const NUMPY_BODY = String.raw`

def read_ratings(path):
    """(user, item, value) rows: tab-, '::'-, comma- or space-separated; a header line is skipped."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            sep = next((s for s in ("\t", "::", ",") if s in line), None)
            fields = [x.strip() for x in line.split(sep)]
            try:
                value = float(fields[2])
            except (IndexError, ValueError):
                if not rows:
                    continue
                sys.exit(f"{path}: cannot read a rating in {line!r}")
            rows.append((fields[0], fields[1], value))
    return rows


def index(rows, user_ids, item_ids, grow):
    """Rows as index arrays, numbering new ids in order of appearance (grow) or skipping them."""
    users = {u: n for n, u in enumerate(user_ids)}
    items = {i: n for n, i in enumerate(item_ids)}
    us, its, vs, skipped = [], [], [], 0
    for u, i, v in rows:
        if not grow and (u not in users or i not in items):
            skipped += 1
            continue
        if u not in users:
            users[u] = len(user_ids)
            user_ids.append(u)
        if i not in items:
            items[i] = len(item_ids)
            item_ids.append(i)
        us.append(users[u])
        its.append(items[i])
        vs.append(v)
    return np.array(us, dtype=int), np.array(its, dtype=int), np.array(vs, dtype=float), skipped


def by_row(rows, cols, vals, count):
    """For each row r: the columns and values of its entries."""
    order = np.argsort(rows, kind="stable")
    starts = np.searchsorted(rows[order], np.arange(count + 1))
    return [(cols[order[starts[r] : starts[r + 1]]], vals[order[starts[r] : starts[r + 1]]]) for r in range(count)]


class Model:
    def __init__(self, users, items, vals, m, n, init):
        self.users, self.items, self.vals = users, items, vals
        self.by_user = by_row(users, items, vals, m)
        self.by_item = by_row(items, users, vals, n)
        if init is None:
            rng = np.random.default_rng(SEED)
            self.U = SCALE * rng.standard_normal((m, FACTORS))
            self.V = SCALE * rng.standard_normal((n, FACTORS))
        else:
            self.U, self.V = init["U"], init["V"]
        self.mu, self.bu, self.bi = 0.0, np.zeros(m), np.zeros(n)
        if VARIANT == "biases":
            if init is not None and init.get("biases") is not None:
                self.mu, self.bu, self.bi = init["biases"]
            else:
                self.mu = float(vals.mean()) if len(vals) else 0.0
        # nᵢ of ALS-WR: ratings per row (implicit: interactions with r > 0).
        weight = vals > 0 if MODE == "implicit" else np.ones(len(vals), dtype=bool)
        self.count_u = np.bincount(users[weight], minlength=m).astype(float)
        self.count_i = np.bincount(items[weight], minlength=n).astype(float)

    def half_step(self, side):
        users = side == "users"
        X, Y = (self.U, self.V) if users else (self.V, self.U)
        own, other = (self.bu, self.bi) if users else (self.bi, self.bu)
        counts = self.count_u if users else self.count_i
        gram = Y.T @ Y if MODE == "implicit" else None  # every pair weighs at least c = 1
        for r, (cols, vals) in enumerate(self.by_user if users else self.by_item):
            Yr = Y[cols]
            if MODE == "explicit":
                target = vals
                if VARIANT == "biases":
                    Yr = np.hstack([np.ones((len(cols), 1)), Yr])
                    target = vals - self.mu - other[cols]
                A, b = Yr.T @ Yr, Yr.T @ target
            else:
                c, p = 1.0 + ALPHA * vals, (vals > 0).astype(float)
                A, b = gram + (Yr.T * (c - 1.0)) @ Yr, Yr.T @ (c * p)
            lam = LAMBDA * counts[r] if VARIANT == "wr" else LAMBDA
            A = A + lam * np.eye(A.shape[0])
            try:
                L = np.linalg.cholesky(A)
            except np.linalg.LinAlgError:
                continue  # singular: the row keeps its value, as in MF Lab
            z = np.linalg.solve(L.T, np.linalg.solve(L, b))
            if VARIANT == "biases":
                own[r], X[r] = z[0], z[1:]
            else:
                X[r] = z

    def predict(self, users, items):
        x = np.einsum("ij,ij->i", self.U[users], self.V[items])
        if VARIANT == "biases":
            x = x + self.mu + self.bu[users] + self.bi[items]
        return x

    def loss(self):
        """The objective of the mode and variant: (data term, regularisation)."""
        x = self.predict(self.users, self.items)
        if MODE == "explicit":
            data = float(np.sum((self.vals - x) ** 2))
        else:
            c, p = 1.0 + ALPHA * self.vals, (self.vals > 0).astype(float)
            everything = float(np.sum((self.U.T @ self.U) * (self.V.T @ self.V)))
            data = max(0.0, everything + float(np.sum(c * (p - x) ** 2 - x**2)))
        if VARIANT == "wr":
            reg = self.count_u @ np.sum(self.U**2, 1) + self.count_i @ np.sum(self.V**2, 1)
        else:
            reg = np.sum(self.U**2) + np.sum(self.V**2)
        if VARIANT == "biases":
            reg += np.sum(self.bu**2) + np.sum(self.bi**2)
        return data, float(LAMBDA * reg)

    def held_out(self, users, items, vals):
        if MODE == "explicit":
            return "rmse", float(np.sqrt(np.mean((vals - self.predict(users, items)) ** 2)))
        hits, count = 0.0, 0
        seen = [set(cols[vals_ > 0].tolist()) for cols, vals_ in self.by_user]
        truth = {}
        for u, i, v in zip(users, items, vals):
            if v > 0:
                truth.setdefault(int(u), set()).add(int(i))
        for u, relevant in truth.items():
            scores = self.V @ self.U[u]
            order = [j for j in np.lexsort((np.arange(len(scores)), -scores)) if j not in seen[u]][:K]
            hits += len(relevant & set(order)) / K
            count += 1
        return f"precision@{K}", hits / count if count else float("nan")


def main():
    ap = argparse.ArgumentParser(description="ALS as exported from MF Lab")
    ap.add_argument("--ratings", default=RATINGS)
    ap.add_argument("--test", default=TEST)
    ap.add_argument("--init", default=INIT, help="initial factors exported by MF Lab (JSON)")
    ap.add_argument("--steps", help="half-steps to run, u (users) and i (items); default ITERATIONS × 'ui'")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of progress lines")
    args = ap.parse_args()
    init, user_ids, item_ids = None, [], []
    if args.init:
        with open(args.init, encoding="utf-8") as f:
            raw = json.load(f)
        user_ids, item_ids = list(map(str, raw["userIds"])), list(map(str, raw["itemIds"]))
        init = {"U": np.array(raw["U"], dtype=float), "V": np.array(raw["V"], dtype=float)}
        if raw.get("biases"):
            b = raw["biases"]
            init["biases"] = (float(b["mu"]), np.array(b["user"], dtype=float), np.array(b["item"], dtype=float))
    users, items, vals, skipped = index(read_ratings(args.ratings), user_ids, item_ids, grow=init is None)
    if skipped:
        sys.exit(f"{args.ratings}: {skipped} ratings belong to users or items that {args.init} has no factors for")
    model = Model(users, items, vals, len(user_ids), len(item_ids), init)
    test = index(read_ratings(args.test), user_ids, item_ids, grow=False)[:3] if args.test else None
    steps = args.steps if args.steps is not None else "ui" * ITERATIONS
    history = []
    for n, step in enumerate(steps, 1):
        model.half_step("users" if step == "u" else "items")
        data, reg = model.loss()
        entry = {"halfStep": n, "side": "users" if step == "u" else "items", "loss": data + reg, "data": data, "regularization": reg}
        if test is not None:
            entry["metric"], entry["value"] = model.held_out(*test)
        history.append(entry)
        if not args.json:
            extra = f"  held-out {entry['metric']} {entry['value']:.4f}" if test is not None else ""
            print(f"half-step {n:3d} ({entry['side']:5s})  loss {data + reg:.6e}  (data {data:.4e} + reg {reg:.4e}){extra}")
    if args.json:
        print(json.dumps({"users": len(user_ids), "items": len(item_ids), "history": history}))


if __name__ == "__main__":
    main()
`;

function cliScript(s: ExportSpec): string {
  const args = [
    '--ratings',
    s.ratingsFile,
    ...(s.testFile ? ['--test', s.testFile] : []),
    '--mode',
    s.mode,
    '--variant',
    s.variant,
    '--factors',
    String(s.factors),
    '--lambda',
    String(s.lambda),
    ...(s.mode === 'implicit' ? ['--alpha', String(s.alpha)] : []),
    ...(s.mode === 'implicit' && s.solver === 'cg' ? ['--solver', 'cg', '--cg-steps', String(s.cgSteps)] : []),
    '--iterations',
    String(s.iterations),
    '--seed',
    String(s.seed),
    '--scale',
    String(s.initScale),
    ...(s.initFile ? ['--init', s.initFile] : []),
  ];
  return `#!/bin/sh
# MF Lab export for MF Lab's own command line (run it in a checkout of MF Lab, after npm ci):
# ${describeModel(s)}
# The same core as the lab: with --init (the lab's initial factors) the objective after each
# iteration is the lab's. Add --json for one JSON object with U and V, or --metrics to choose
# the held-out metrics (rmse,mae or p@10,r@10,map@10,ndcg@10).
npm run als -- ${args.map(sh).join(' ')} "$@"
`;
}
