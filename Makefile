# Schouders: the two commands are `make run` and `make test` (see README.md).
# Both install missing Debian packages first, so a fresh clone needs nothing else.

PKGS := build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libx11-dev \
        libhyphen-dev hyphen-nl hyphen-en-us \
        libsqlite3-dev libsodium-dev libcjson-dev libicu-dev fonts-noto-core fonts-dejavu-core gettext \
        libcairo2-dev libpango1.0-dev sqlite3 xvfb xauth x11-utils imagemagick jq systemd cage \
        poppler-utils python3-jsonschema strace
# make stress also needs libfaketime and the time zone database.
ifneq ($(filter stress,$(MAKECMDGOALS)),)
PKGS += faketime tzdata
endif
MAKEFLAGS += --no-print-directory
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Neither root nor sudo: nothing can be installed, so say in one line what to install
# and how, and stop (make's status 2) before anything else runs.
ifeq ($(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null || echo none),none)
ifneq ($(filter-out clean,$(or $(MAKECMDGOALS),deps)),)
MISSING := $(strip $(shell for p in $(PKGS); do \
  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || printf '%s ' $$p; done))
ifneq ($(MISSING),)
$(error Schouders needs Debian packages that are not installed; as root, run: apt-get update && apt-get install $(MISSING))
endif
endif
endif
JOBS := $(shell nproc 2>/dev/null || echo 2)
ARGS ?=

.PHONY: deps build run test test-build clean fuzz bench soak stress

# Only what is missing is installed, so a second `make run` starts at once.
deps:
	@missing=""; for p in $(PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

build: deps
	@cmake -S . -B build/app -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build build/app -j$(JOBS)

run: build
	./build/app/schouders $(ARGS)

# A sanitized, warnings-as-errors build; ctest's summary is the last thing printed.
test: test-build
	@cd build/test && ctest --output-on-failure -j$(JOBS) --timeout 300

test-build: deps
	@cmake -S . -B build/test -DCMAKE_BUILD_TYPE=Debug -DSCHOUDERS_SANITIZE=ON -DSCHOUDERS_WERROR=ON >/dev/null
	@cmake --build build/test -j$(JOBS)

# The whole suite as CI may meet it (not part of make test): with every core kept
# busy by another process, and at the dates where clocks and calendars go wrong.
stress: test-build
	@bash tests/stress.sh build/test

clean:
	rm -rf build

# The long reliability run (not part of make test): 500 kills, 100,000 monkey events,
# in the sanitizer build. Its last lines are the figures the README quotes.
soak: test
	@cd build/test && env $$(ctest --show-only=json-v1 2>/dev/null | jq -r '.tests[] | select(.name == "crash") | .properties[] | select(.name == "ENVIRONMENT") | .value[]' | tr '\n' ' ') \
	  KILLS=500 bash ../../tests/crash/kill.sh | tail -3
	@cd build/test && env $$(ctest --show-only=json-v1 2>/dev/null | jq -r '.tests[] | select(.name == "monkey") | .properties[] | select(.name == "ENVIRONMENT") | .value[]' | tr '\n' ' ') \
	  EVENTS=100000 bash ../../tests/crash/monkey.sh | tail -3

# The figures behind DESIGN's budgets, as one table (not part of make test).
bench: build
	@bash tests/bench/run.sh build/app

# Fuzzing (not part of make test): libFuzzer through clang, for a bounded time each,
# over the text functions, the layout loader, the script parser, the printer and replay. Seeds live in
# tests/fuzz/corpus_*; what a run finds goes to build/fuzz and becomes a test.
FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE -Iapp -Iapp/ui -Iapp/core -Iapp/store
fuzz: deps
	@command -v clang >/dev/null || $(SUDO) apt-get install -y -qq clang libclang-rt-14-dev >/dev/null
	@mkdir -p build/fuzz/corpus_text build/fuzz/corpus_layout build/fuzz/corpus_script build/fuzz/corpus_print build/fuzz/corpus_replay
	clang $(FUZZ_FLAGS) tests/fuzz/fuzz_text.c app/ui/utext.c app/ui/ink.c app/core/core.c \
	  $$(pkg-config --cflags --libs icu-uc) -o build/fuzz/fuzz_text
	clang $(FUZZ_FLAGS) tests/fuzz/fuzz_layout.c app/store/layout.c app/core/core.c app/core/drieluik.c \
	  $$(pkg-config --cflags --libs libcjson) -o build/fuzz/fuzz_layout
	clang $(FUZZ_FLAGS) tests/fuzz/fuzz_script.c app/ui/script.c app/ui/ui.c app/ui/redraw.c app/ui/text.c app/ui/edit.c \
	  app/ui/osk.c app/ui/canvas.c app/ui/sound.c app/ui/monkey.c app/ui/utext.c app/ui/ink.c \
	  $$(pkg-config --cflags --libs sdl2 SDL2_ttf SDL2_image icu-uc) -lm -o build/fuzz/fuzz_script
	clang $(FUZZ_FLAGS) -Iapp/print tests/fuzz/fuzz_print.c app/print/print.c app/core/core.c app/core/drieluik.c \
	  $$(pkg-config --cflags --libs libcjson cairo pangocairo) -o build/fuzz/fuzz_print
	clang $(FUZZ_FLAGS) tests/fuzz/fuzz_replay.c app/store/*.c app/core/core.c app/core/drieluik.c app/core/op.c -pthread \
	  $$(pkg-config --cflags --libs libcjson sqlite3 libsodium) -o build/fuzz/fuzz_replay
	LSAN_OPTIONS=suppressions=tests/lsan.supp ./build/fuzz/fuzz_text -max_total_time=$(FUZZ_SECONDS) -max_len=2000 build/fuzz/corpus_text
	LSAN_OPTIONS=suppressions=tests/lsan.supp ./build/fuzz/fuzz_layout -max_total_time=$(FUZZ_SECONDS) -max_len=8000 build/fuzz/corpus_layout tests/fuzz/corpus_layout
	LSAN_OPTIONS=suppressions=tests/lsan.supp ./build/fuzz/fuzz_script -max_total_time=$(FUZZ_SECONDS) -max_len=8000 build/fuzz/corpus_script tests/fuzz/corpus_script
	LSAN_OPTIONS=suppressions=tests/lsan.supp ./build/fuzz/fuzz_print -max_total_time=$(FUZZ_SECONDS) -max_len=30000 build/fuzz/corpus_print tests/fuzz/corpus_print
	LSAN_OPTIONS=suppressions=tests/lsan.supp ./build/fuzz/fuzz_replay -max_total_time=$(FUZZ_SECONDS) -max_len=20000 build/fuzz/corpus_replay tests/fuzz/corpus_replay
