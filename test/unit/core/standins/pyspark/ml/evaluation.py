"""Stand-in for pyspark.ml.evaluation: evaluators that record what they were asked."""
from recorder import check_keywords, record


class RegressionEvaluator:
    def __init__(self, **kwargs):
        check_keywords("RegressionEvaluator", kwargs, {"metricName", "labelCol", "predictionCol", "weightCol", "throughOrigin"})
        if kwargs.get("metricName", "rmse") not in ("rmse", "mse", "r2", "mae", "var"):
            raise ValueError(f"RegressionEvaluator: unknown metric {kwargs.get('metricName')!r}")
        self.kwargs = kwargs

    def evaluate(self, df):
        record("RegressionEvaluator.evaluate", **self.kwargs)
        return 0.5


class RankingEvaluator:
    def __init__(self, **kwargs):
        check_keywords("RankingEvaluator", kwargs, {"metricName", "k", "predictionCol", "labelCol"})
        if kwargs.get("metricName", "meanAveragePrecision") not in (
            "meanAveragePrecision", "meanAveragePrecisionAtK", "precisionAtK", "ndcgAtK", "recallAtK",
        ):
            raise ValueError(f"RankingEvaluator: unknown metric {kwargs.get('metricName')!r}")
        if not isinstance(kwargs.get("k", 10), int):
            raise TypeError("RankingEvaluator: k must be an int")
        self.kwargs = kwargs

    def evaluate(self, df):
        record("RankingEvaluator.evaluate", **self.kwargs)
        return 0.25
