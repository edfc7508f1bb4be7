"""Stand-in for pyspark.ml.feature.StringIndexer."""
from recorder import check_keywords, record


class StringIndexer:
    def __init__(self, **kwargs):
        check_keywords("StringIndexer", kwargs, {"inputCol", "outputCol", "handleInvalid", "stringOrderType", "inputCols", "outputCols"})
        if kwargs.get("handleInvalid", "error") not in ("error", "skip", "keep"):
            raise ValueError("StringIndexer: handleInvalid must be error, skip or keep")
        self.kwargs = kwargs
        record("StringIndexer", **kwargs)

    def fit(self, df):
        return self

    def transform(self, df):
        return df
