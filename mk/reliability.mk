# Reliability: crash rounds, injected I/O faults, fuzzing, sanitizers (issue 7; docs/reliability.md).
# Included by the top-level Makefile (-include mk/*.mk). Short forms suit CI; *-long for soak runs.

# The same release build `make deb` makes (Makefile: build, BIN), so CI builds it once.
RELIABILITY_BIN   ?= $(BIN)
CRASH_ROUNDS      ?= 30
CRASH_ROUNDS_LONG ?= 1000
FUZZ_SECONDS      ?= 60
PYTHON            ?= python3

.PHONY: reliability-build crash-test crash-test-long fault-test fuzz fuzz-build fuzz-minimize sanitize sanitize-address sanitize-thread reliability-test

# The release binaries the crash and fault runs start (built once).
reliability-build: build

# kill -9 rounds while files arrive, then the independent check (~30 s for 30 rounds).
crash-test: reliability-build
	$(PYTHON) tools/reliability/crash-rounds.py --bin $(RELIABILITY_BIN) --rounds $(CRASH_ROUNDS)

crash-test-long: reliability-build
	$(PYTHON) tools/reliability/crash-rounds.py --bin $(RELIABILITY_BIN) --rounds $(CRASH_ROUNDS_LONG)

# libfiu faults (apt: fiu-utils libfiu-dev) and a real full tmpfs (root); ~2 min.
fault-test: reliability-build
	$(PYTHON) tools/reliability/fault-rounds.py --bin $(RELIABILITY_BIN)

# libFuzzer targets for the extractor and the journal reader, FUZZ_SECONDS each.
fuzz-build:
	tools/reliability/fuzz/fuzz.sh build

fuzz:
	tools/reliability/fuzz/fuzz.sh all $(FUZZ_SECONDS)

# Replaces each seed corpus by its libFuzzer -merge=1 minimum (same coverage, fewest files);
# FUZZ_MERGE_FOUND=1 also merges in what `make fuzz` found (.build-fuzz/corpus-<target>).
fuzz-minimize:
	tools/reliability/fuzz/fuzz.sh minimize extractor $(if $(FUZZ_MERGE_FOUND),.build-fuzz/corpus-extractor)
	tools/reliability/fuzz/fuzz.sh minimize journal $(if $(FUZZ_MERGE_FOUND),.build-fuzz/corpus-journal)

# The test suite under ASan and TSan (own scratch paths .build-address, .build-thread).
sanitize-address:
	tools/reliability/sanitize.sh address $(SANITIZE_FILTER)

sanitize-thread:
	tools/reliability/sanitize.sh thread $(SANITIZE_FILTER)

sanitize: sanitize-address sanitize-thread

# The reliability e2e tests (hostile files, damaged data folders) in the normal debug build.
reliability-test:
	swift test --filter Reliability
