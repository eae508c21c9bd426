# parallax — build, test, install.
#
#   make                  the library (static + shared) and the parallax command
#   make demo             compare the bundled example articles (one story, two
#                         outlets): the report on the terminal, an HTML page
#                         in $(BUILD)/demo.html
#   make check            the whole test suite: a normal build, then the same
#                         suite under AddressSanitizer + UndefinedBehaviorSanitizer
#   make test             the suite once, in this build only
#   make valgrind         the seeds through valgrind's memcheck
#   make fuzz             build the libFuzzer targets and run each FUZZ_SECONDS
#   make bench            speed benchmarks (see bench/README.md)
#   make install PREFIX=/usr/local DESTDIR=
#
# No build defines NDEBUG: the library's assert()s of its invariants stay
# in release builds too (include/parallax.h says why); CFLAGS=-DNDEBUG
# drops them.
#
# Sources are found by wildcard: a new lib/*/*.c, src/*.c or tests/unit/test_*.c
# is built without touching this file.  Each build variant lives in its own
# BUILD directory, so the sanitizer build never mixes objects with the normal one.

VERSION   = 0.1.0
SOVERSION = 0
PREFIX   ?= /usr/local
DESTDIR  ?=
BUILD    ?= build
CC       ?= cc

PKGS      = icu-uc icu-i18n libxml-2.0 jansson libexttextcat zlib libpsl sqlite3 \
            libmicrohttpd libcurl
DEP_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
DEP_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm

CFLAGS   ?= -O2 -g
WARNINGS  = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wno-missing-field-initializers
ALL_CFLAGS = -std=c11 $(WARNINGS) -fPIC -fvisibility=hidden $(CFLAGS)
ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -DPX_BUILDING -Iinclude -Ilib $(DEP_CFLAGS) $(CPPFLAGS)

LIB_SRC  := $(sort $(wildcard lib/*/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_SRC  := $(sort $(wildcard src/*.c))
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_SRC := $(sort $(wildcard tests/tools/*.c))
TOOL_BIN := $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tests/tools/%)
BENCH_SRC := $(sort $(wildcard bench/*.c))
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)

STATIC = $(BUILD)/libparallax.a
SHARED = $(BUILD)/libparallax.so.$(VERSION)
CLI    = $(BUILD)/parallax

.PHONY: all demo check test asan valgrind fuzz bench install uninstall clean
all: $(STATIC) $(SHARED) $(CLI)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# The command is a client of its own library (issue 17): its sources see
# include/parallax.h and system headers only (no -Ilib, no PX_BUILDING),
# and PUBLIC_CLI, the same objects linked against the shared library, which
# exports only what parallax.h declares, fails to link if they call
# anything else.  `make test` builds it.
CLI_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -Iinclude $(DEP_CFLAGS) $(CPPFLAGS)
$(BUILD)/src/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CLI_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

PUBLIC_CLI = $(BUILD)/tests/parallax-public
$(PUBLIC_CLI): $(CLI_OBJ) $(SHARED)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(SHARED) $(DEP_LIBS)

$(STATIC): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(SHARED): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libparallax.so.$(SOVERSION) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(DEP_LIBS)

# The command links the static library: one binary, nothing to find at run time.
$(CLI): $(CLI_OBJ) $(STATIC)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(STATIC) $(DEP_LIBS)

# The shipped document frequencies (lib/story/dftable.h): data/df.tsv as C
# initialisers, its first line ("docs N") the corpus size.
$(BUILD)/gen/df_table.inc: data/df.tsv
	@mkdir -p $(dir $@)
	awk -F'\t' 'NR == 1 { print $$2 > "$(BUILD)/gen/df_table_docs.inc"; next } \
	    { t = $$2; gsub(/\\/, "\\\\", t); gsub(/"/, "\\\"", t); \
	      printf "{\x27%s\x27, \"%s\", %s},\n", $$1, t, $$3 }' $< > $@
$(BUILD)/gen/df_table_docs.inc: $(BUILD)/gen/df_table.inc
$(BUILD)/lib/story/dftable.o: $(BUILD)/gen/df_table.inc $(BUILD)/gen/df_table_docs.inc
$(BUILD)/lib/story/dftable.o: ALL_CPPFLAGS += -I$(BUILD)/gen

$(BUILD)/tests/%: tests/unit/%.c tests/unit/unit.h $(STATIC)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Itests/unit -MMD -MP -o $@ $< $(STATIC) $(DEP_LIBS) -lcmocka $(LDFLAGS)

# Helpers the data cases run (a local HTTP server): not part of the library.
$(BUILD)/tests/tools/%: tests/tools/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(DEP_LIBS) -lpthread $(LDFLAGS)

$(BUILD)/bench/%: bench/%.c $(STATIC)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(STATIC) $(DEP_LIBS) $(LDFLAGS)

demo: $(CLI)
	$(CLI) compare --html $(BUILD)/demo.html --output - examples/*.txt
	@echo "The same comparison as a web page: $(BUILD)/demo.html"

# The whole suite, twice: as built, then under ASan + UBSan with clang (so
# both compilers see the code with -Werror).  CI runs exactly this.
check:
	@$(MAKE) --no-print-directory test
	@$(MAKE) --no-print-directory asan

test: all $(UNIT_BIN) $(TOOL_BIN) $(PUBLIC_CLI)
	@tests/run $(BUILD)

SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
asan:
	@$(MAKE) --no-print-directory test BUILD=build-asan CC=$(SAN_CC) \
	    CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)"
SAN_CC := $(shell command -v clang >/dev/null 2>&1 && echo clang || echo gcc)

valgrind: $(CLI)
	valgrind --error-exitcode=1 --leak-check=full --show-leak-kinds=definite,indirect,possible \
	    --errors-for-leak-kinds=definite,indirect,possible -q \
	    $(CLI) analyze --json examples/*.txt >/dev/null

# libFuzzer needs clang.  FUZZ_SECONDS per target.  Seed corpora:
# tests/fuzz/corpus-NAME for fuzz_NAME.c, else tests/fuzz/corpus.
# Inputs are capped at 64 KB, fuzz_analyze's at 8 KB: it analyses and
# compares two articles and renders them three ways, about 30 ms under the
# sanitizers at 64 KB, so a minute explored little; longer inputs repeat
# paths rather than open new ones (huge inputs have their own test cases).
FUZZ_SECONDS ?= 60
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_FLAGS = -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
fuzz:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" build-fuzz/libparallax.a
	@set -e; for f in $(FUZZ_SRC); do \
	    n=$$(basename $$f .c); \
	    clang $(ALL_CPPFLAGS) -std=c11 $(WARNINGS) $(FUZZ_FLAGS) -o build-fuzz/$$n $$f build-fuzz/libparallax.a $(DEP_LIBS); \
	    mkdir -p build-fuzz/corpus-$$n; \
	    echo "fuzz: $$n for $(FUZZ_SECONDS)s"; \
	    seeds=tests/fuzz/corpus; [ -d tests/fuzz/corpus-$${n#fuzz_} ] && seeds=tests/fuzz/corpus-$${n#fuzz_}; \
	    maxlen=65536; [ $$n = fuzz_analyze ] && maxlen=8192; \
	    build-fuzz/$$n -max_total_time=$(FUZZ_SECONDS) -max_len=$$maxlen -rss_limit_mb=4096 \
	        -print_final_stats=1 build-fuzz/corpus-$$n $$seeds; \
	done

bench: $(CLI) $(BENCH_BIN)
	bench/run $(BUILD)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(CLI) $(DESTDIR)$(PREFIX)/bin/parallax
	install -m 644 $(STATIC) $(DESTDIR)$(PREFIX)/lib/libparallax.a
	install -m 755 $(SHARED) $(DESTDIR)$(PREFIX)/lib/libparallax.so.$(VERSION)
	ln -sf libparallax.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libparallax.so.$(SOVERSION)
	ln -sf libparallax.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libparallax.so
	install -m 644 include/parallax.h $(DESTDIR)$(PREFIX)/include/parallax.h
	install -m 644 man/parallax.1 $(DESTDIR)$(PREFIX)/share/man/man1/parallax.1
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' -e 's|@REQUIRES@|$(PKGS)|' \
	    parallax.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/parallax.pc

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/parallax $(DESTDIR)$(PREFIX)/lib/libparallax.* \
	    $(DESTDIR)$(PREFIX)/include/parallax.h $(DESTDIR)$(PREFIX)/share/man/man1/parallax.1 \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig/parallax.pc

clean:
	rm -rf build build-asan build-fuzz

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_BIN:=.d)
