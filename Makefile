PYTHON ?= python
# Fleet sizes (number of apps) for the benchmark.
SIZES ?= 1000 5000 10000
# Readers fuzzed at once (each is one process).
JOBS ?= 2

.PHONY: test fuzz bench docs

test:
	$(PYTHON) -m pytest

# Every reader at full size, one log each, then the table in docs/fidelity.md.
fuzz:
	$(PYTHON) tools/fuzz_readers.py --logs build/fuzz --jobs $(JOBS)
	$(PYTHON) tools/fidelity_report.py --fuzz-logs build/fuzz

bench:
	$(PYTHON) benchmarks/run.py --sizes $(SIZES)

docs:
	$(PYTHON) tools/gen_docs.py
