"""Stand-in for pyspark.ml.recommendation.ALS: checks every parameter against Spark's signature."""
from pyspark.sql import DataFrame
from recorder import check_keywords, check_type, record

# ALS.__init__ in Spark 3.x: every parameter is keyword-only.
PARAMS = {
    "rank", "maxIter", "regParam", "numUserBlocks", "numItemBlocks", "implicitPrefs", "alpha", "userCol",
    "itemCol", "seed", "ratingCol", "nonnegative", "checkpointInterval", "intermediateStorageLevel",
    "finalStorageLevel", "coldStartStrategy", "blockSize",
}


class ALS:
    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError("ALS takes keyword arguments only (Spark's @keyword_only)")
        check_keywords("ALS", kwargs, PARAMS)
        where = "ALS"
        rules = {
            "rank": (int, lambda x: x >= 1),
            "maxIter": (int, lambda x: x >= 0),
            "regParam": ((int, float), lambda x: x >= 0),
            "alpha": ((int, float), lambda x: x >= 0),
            "seed": (int, None),
            "implicitPrefs": (bool, None),
            "nonnegative": (bool, None),
            "userCol": (str, None),
            "itemCol": (str, None),
            "ratingCol": (str, None),
            "coldStartStrategy": (str, lambda x: x in ("nan", "drop")),
        }
        for name, value in kwargs.items():
            if name in rules:
                types, rule = rules[name]
                if types is bool:
                    if not isinstance(value, bool):
                        raise TypeError(f"{where}: {name} must be a bool, got {value!r}")
                else:
                    check_type(where, name, value, types, rule)
        self.kwargs = kwargs
        record("ALS", **kwargs)

    def fit(self, df):
        if not isinstance(df, DataFrame):
            raise TypeError("ALS.fit needs a DataFrame")
        record("ALS.fit")
        return ALSModel(self.kwargs.get("rank", 10))


class ALSModel:
    def __init__(self, rank):
        self.rank = rank

    def transform(self, df):
        record("ALSModel.transform")
        return DataFrame("predictions")

    def recommendForAllUsers(self, numItems):
        if not isinstance(numItems, int) or numItems < 1:
            raise TypeError(f"recommendForAllUsers needs a positive int, got {numItems!r}")
        record("ALSModel.recommendForAllUsers", numItems=numItems)
        return DataFrame("recommendations")
