"""Stand-in for scipy.sparse.csr_matrix((data, (rows, cols)), shape=…, dtype=…): just enough for the export."""
import numpy as np


class csr_matrix:  # noqa: N801 (scipy's name)
    def __init__(self, arg, shape=None, dtype=None):
        data, (rows, cols) = arg
        self.data = np.asarray(data, dtype=dtype or float)
        self.rows = np.asarray(rows, dtype=int)
        self.cols = np.asarray(cols, dtype=int)
        if shape is None or len(shape) != 2:
            raise ValueError("the stand-in needs an explicit shape")
        if len(self.data) and (self.rows.max() >= shape[0] or self.cols.max() >= shape[1]):
            raise ValueError("an index lies outside the shape")
        self.shape = tuple(shape)
        self.dtype = self.data.dtype
        self.nnz = len(self.data)

    def row_items(self, r):
        return set(self.cols[self.rows == r].tolist())

    def __getitem__(self, ids):
        ids = np.asarray(ids)
        keep = [(n, c, v) for n, u in enumerate(ids) for c, v in zip(self.cols[self.rows == u], self.data[self.rows == u])]
        return csr_matrix(
            ([v for _, _, v in keep], ([n for n, _, _ in keep], [c for _, c, _ in keep])),
            shape=(len(ids), self.shape[1]),
            dtype=self.dtype,
        )
