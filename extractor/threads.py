"""One BLAS thread for the models' matrix work: a pipeline uses one core, and the worker processes of ``-j N``
do not fight over the cores (two spinning OpenBLAS threads a worker made ``-j 2`` run at half speed)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _controller():
    # finding the loaded BLAS libraries takes over a millisecond: once a process (forked workers inherit it)
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def one_blas_thread():
    """A context manager: BLAS limited to one thread inside it."""
    return _controller().limit(limits=1, user_api="blas")
