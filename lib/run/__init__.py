"""The run machinery: listing documents, the per-document cache, workers and Dask, notebook execution, the
index and evidence pages, atomic outputs. It may import every layer below it; nothing below imports it."""
