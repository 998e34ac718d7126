"""Many documents on a Dask cluster (a local one by default): archives in, a quote table out.

    run_batch(["crawl/*.warc.gz", "saved/"], "quotes.parquet", workers=2)    `quotelens batch`
    attribute_corpus("crawl/*.warc.gz", workers=2).quotes                     a notebook's DataFrame
    open_engine(config, workers=N | scheduler=ADDRESS)                         the engine, for attribute_many

Inputs (sources.py, warc.py) are read in this process and cut into partitions; workers attribute
them (work.py), each with its model loaded once (engine.py, plugin.py); the output (output.py) is
JSONL or a Parquet dataset of quotes, documents and speakers (tables.py). docs/corpus.md is the guide.
"""
from .engine import open_engine
from .run import PARTITION_SIZE, RunSummary, output_format, run_batch
from .tables import COLUMNS, TABLES
from .frames import CorpusTables, attribute_corpus, read_tables
from .work import process_line

__all__ = ["open_engine", "run_batch", "RunSummary", "PARTITION_SIZE", "output_format", "COLUMNS", "TABLES",
           "CorpusTables", "attribute_corpus", "read_tables", "process_line"]
