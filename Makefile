PYTHON ?= python
# Fleet sizes (number of apps) for the benchmark.
SIZES ?= 100 1000 5000

.PHONY: test fuzz bench docs

test:
	$(PYTHON) -m pytest

# The fuzz tests are deselected from the default run by pyproject addopts; a later -m wins.
fuzz:
	$(PYTHON) -m pytest -m fuzz

bench:
	$(PYTHON) benchmarks/run.py --sizes $(SIZES) --write-docs

docs:
	$(PYTHON) tools/gen_docs.py
