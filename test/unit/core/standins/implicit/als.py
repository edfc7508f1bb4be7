"""Stand-in for implicit.als.AlternatingLeastSquares (implicit 0.7): checks every parameter."""
import inspect

import numpy as np
from recorder import record
from scipy.sparse import csr_matrix


class AlternatingLeastSquares:
    def __init__(
        self,
        factors=100,
        regularization=0.01,
        alpha=1.0,
        dtype=np.float32,
        use_native=True,
        use_cg=True,
        use_gpu=False,
        iterations=15,
        calculate_training_loss=False,
        num_threads=0,
        random_state=None,
    ):
        checks = {
            "factors": isinstance(factors, int) and not isinstance(factors, bool) and factors >= 1,
            "regularization": isinstance(regularization, (int, float)) and regularization >= 0,
            "alpha": isinstance(alpha, (int, float)) and alpha > 0,
            "iterations": isinstance(iterations, int) and not isinstance(iterations, bool) and iterations >= 0,
            "use_cg": isinstance(use_cg, bool),
            "use_gpu": isinstance(use_gpu, bool),
            "calculate_training_loss": isinstance(calculate_training_loss, bool),
            "random_state": random_state is None or isinstance(random_state, int),
            "dtype": dtype in (np.float32, np.float64),
        }
        bad = [name for name, ok in checks.items() if not ok]
        if bad:
            raise ValueError(f"AlternatingLeastSquares: bad parameter(s) {bad}")
        params = inspect.signature(AlternatingLeastSquares.__init__).bind(
            self, factors, regularization, alpha, dtype, use_native, use_cg, use_gpu, iterations,
            calculate_training_loss, num_threads, random_state,
        ).arguments
        params.pop("self")
        params["dtype"] = np.dtype(dtype).name
        self.params = params
        record("AlternatingLeastSquares", **params)

    def fit(self, user_items, show_progress=True):
        if not isinstance(user_items, csr_matrix):
            raise TypeError("fit needs a scipy.sparse.csr_matrix of users × items")
        self.user_items = user_items
        record(
            "fit",
            shape=list(user_items.shape),
            nnz=int(user_items.nnz),
            dtype=np.dtype(user_items.dtype).name,
            values=sorted(float(x) for x in user_items.data),
        )

    def recommend(self, userid, user_items, N=10, filter_already_liked_items=True, filter_items=None, recalculate_user=False, items=None):
        userid = np.asarray(userid)
        if not isinstance(user_items, csr_matrix) or user_items.shape[0] != len(userid):
            raise ValueError("recommend needs one row of user_items per user id")
        record("recommend", users=len(userid), N=N, filter_already_liked_items=filter_already_liked_items)
        n = self.user_items.shape[1]
        # Up to N unliked items per user, padded with -1 when fewer remain.
        rows = [[j for j in range(n) if j not in user_items.row_items(r)][:N] for r in range(len(userid))]
        ids = np.array([row + [-1] * (N - len(row)) for row in rows])
        return ids, np.zeros(ids.shape)
