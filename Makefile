# newsdrop: the Debian package and its checks (docs/packaging.md).
#
#   make deb          newsdrop_<VERSION>_amd64.deb from this tree (release build, static Swift runtime)
#   make lint         systemd-analyze verify and security (offline) on both units
#   make lintian      lintian on the .deb
#   make system-test  the .deb under a real systemd in a systemd-nspawn container (root only)
#   make clean        removes dist/ and the .deb (not the Swift build folder)
#
# Tests of the code itself: ./scripts/test.sh.

SHELL := /bin/bash
.SHELLFLAGS := -e -o pipefail -c
.DEFAULT_GOAL := deb
.DELETE_ON_ERROR:

VERSION := $(shell cat VERSION)
ARCH := $(shell dpkg --print-architecture 2>/dev/null || echo amd64)
DEB := newsdrop_$(VERSION)_$(ARCH).deb

SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
# The Swift build folder; point it elsewhere to keep release builds apart.
SCRATCH ?= .build
# --disable-local-rpath: no RUNPATH $ORIGIN in installed binaries (the Swift runtime is static);
# -z now: full RELRO (lintian's hardening-no-bindnow).
SWIFT_BUILD := $(SWIFT) build -c release --static-swift-stdlib --disable-local-rpath \
  -Xlinker -z -Xlinker now --scratch-path $(SCRATCH)
BIN = $(SCRATCH)/release

DIST := dist
ROOT := $(DIST)/root
# Dates in the package (changelog, man pages, file times) come from the last commit.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
export SOURCE_DATE_EPOCH
DATE_DAY := $(shell date -u -d @$(SOURCE_DATE_EPOCH) +%Y-%m-%d)
DATE_RFC := $(shell date -u -R -d @$(SOURCE_DATE_EPOCH))
GIT_DESCRIBE := $(shell git describe --always --dirty 2>/dev/null || echo unknown)

# xz: the smallest .deb (33 MB) but about 1.5 CPU-minutes here. For test builds:
# zstd (48 MB in 2 s; Debian 12's dpkg installs it, its lintian calls it malformed) or
# gzip (49 MB in 20 CPU-seconds, lintian-clean), e.g. `make system-test DEB_COMPRESS=zstd`.
DEB_COMPRESS ?= xz

UNITS := packaging/systemd/newsdropd.service packaging/systemd/newsdropd@.service
# The exposure score `make lint` accepts (systemd-analyze security, 0 = best, 10 = worst).
SECURITY_THRESHOLD ?= 1.0

.PHONY: deb build stage lint lintian system-test clean

# One release build of the two executables and of swift-argument-parser's generate-manual, the
# tool its GenerateManual command plugin runs (built here directly, so the plugin's own release
# build cannot relink the executables without --static-swift-stdlib).
build:
	$(SWIFT_BUILD) --product newsdropd
	$(SWIFT_BUILD) --product newsdrop
	$(SWIFT_BUILD) --product generate-manual

stage: build
	rm -rf $(DIST)
	mkdir -p $(ROOT) $(DIST)/man $(DIST)/completions $(DIST)/pkg/debian
	# executables, stripped
	install -D -m 0755 $(BIN)/newsdropd $(ROOT)/usr/bin/newsdropd
	install -D -m 0755 $(BIN)/newsdrop $(ROOT)/usr/bin/newsdrop
	strip --strip-unneeded --remove-section=.comment --remove-section=.note $(ROOT)/usr/bin/newsdropd $(ROOT)/usr/bin/newsdrop
	# systemd units, user, folders, default configuration
	install -D -m 0644 packaging/systemd/newsdropd.service $(ROOT)/lib/systemd/system/newsdropd.service
	install -D -m 0644 packaging/systemd/newsdropd@.service $(ROOT)/lib/systemd/system/newsdropd@.service
	install -D -m 0644 packaging/sysusers.d/newsdrop.conf $(ROOT)/usr/lib/sysusers.d/newsdrop.conf
	install -D -m 0644 packaging/tmpfiles.d/newsdrop.conf $(ROOT)/usr/lib/tmpfiles.d/newsdrop.conf
	install -D -m 0644 packaging/etc/newsdrop.conf $(ROOT)/etc/newsdrop/newsdrop.conf
	# dictionaries (the daemon finds /usr/share/newsdrop/dictionaries from /usr/bin)
	install -d -m 0755 $(ROOT)/usr/share/newsdrop/dictionaries
	install -m 0644 dictionaries/*.tsv $(ROOT)/usr/share/newsdrop/dictionaries/
	# man pages, from the argument parsers. generate-manual drops non-ASCII characters (1.8.2), so
	# it reads each tool's --experimental-dump-help through iconv (… becomes ...); then the
	# hand-written ENVIRONMENT, FILES and SEE ALSO sections of packaging/man/ are added.
	for page in newsdrop.1 newsdropd.8; do \
	  tool=$${page%.*}; section=$${page##*.}; \
	  printf '#!/bin/sh\n"%s" "$$@" | iconv -f UTF-8 -t ASCII//TRANSLIT\n' "$(abspath $(BIN))/$$tool" > $(DIST)/man/$$tool-ascii; \
	  chmod +x $(DIST)/man/$$tool-ascii; \
	  $(BIN)/generate-manual $(DIST)/man/$$tool-ascii --section $$section --date $(DATE_DAY) --output-directory $(DIST)/man; \
	  packaging/man/finish-page.sh $(DIST)/man/$$page packaging/man/$$page.in; \
	  install -D -m 0644 $(DIST)/man/$$page $(ROOT)/usr/share/man/man$$section/$$page; \
	done
	gzip -9n $(ROOT)/usr/share/man/man1/newsdrop.1 $(ROOT)/usr/share/man/man8/newsdropd.8
	# shell completions, from the argument parsers
	for tool in newsdrop newsdropd; do \
	  $(BIN)/$$tool --generate-completion-script bash | sed '1{/^#!/d}' > $(DIST)/completions/$$tool.bash; \
	  $(BIN)/$$tool --generate-completion-script zsh > $(DIST)/completions/_$$tool; \
	  $(BIN)/$$tool --generate-completion-script fish > $(DIST)/completions/$$tool.fish; \
	  install -D -m 0644 $(DIST)/completions/$$tool.bash $(ROOT)/usr/share/bash-completion/completions/$$tool; \
	  install -D -m 0644 $(DIST)/completions/_$$tool $(ROOT)/usr/share/zsh/vendor-completions/_$$tool; \
	  install -D -m 0644 $(DIST)/completions/$$tool.fish $(ROOT)/usr/share/fish/vendor_completions.d/$$tool.fish; \
	done
	# documentation (compressed above 4 KiB, as dh_compress does)
	install -D -m 0644 packaging/debian/copyright $(ROOT)/usr/share/doc/newsdrop/copyright
	sed -e 's/@VERSION@/$(VERSION)/' -e 's/@DATE@/$(DATE_RFC)/' -e 's/@GIT_DESCRIBE@/$(GIT_DESCRIBE)/' \
	  packaging/debian/changelog > $(DIST)/pkg/debian/changelog
	install -m 0644 $(DIST)/pkg/debian/changelog $(ROOT)/usr/share/doc/newsdrop/changelog
	install -m 0644 README.md $(ROOT)/usr/share/doc/newsdrop/README.md
	install -m 0644 docs/*.md $(ROOT)/usr/share/doc/newsdrop/
	install -m 0644 dictionaries/README.md $(ROOT)/usr/share/doc/newsdrop/dictionaries.md
	find $(ROOT)/usr/share/doc/newsdrop -type f ! -name copyright -size +4k -exec gzip -9n {} +
	gzip -9n $(ROOT)/usr/share/doc/newsdrop/changelog

# Always rebuilt: `swift build` is incremental, staging takes seconds.
deb: stage
	# control file: Depends from dpkg-shlibdeps, Installed-Size from the tree
	install -m 0644 packaging/debian/control $(DIST)/pkg/debian/control
	install -d -m 0755 $(ROOT)/DEBIAN
	cd $(DIST)/pkg && dpkg-shlibdeps -Tdebian/substvars ../root/usr/bin/newsdropd ../root/usr/bin/newsdrop
	cd $(DIST)/pkg && dpkg-gencontrol -pnewsdrop -v$(VERSION) -Tdebian/substvars -P../root -Odebian/control.out \
	  && install -m 0644 debian/control.out ../root/DEBIAN/control
	install -m 0755 packaging/debian/postinst packaging/debian/prerm packaging/debian/postrm $(ROOT)/DEBIAN/
	echo /etc/newsdrop/newsdrop.conf > $(ROOT)/DEBIAN/conffiles
	chmod 0644 $(ROOT)/DEBIAN/conffiles
	cd $(ROOT) && find . -type f ! -path './DEBIAN/*' ! -path './etc/*' -printf '%P\0' | LC_ALL=C sort -z \
	  | xargs -0 md5sum > DEBIAN/md5sums && chmod 0644 DEBIAN/md5sums
	find $(ROOT) -type d -exec chmod 0755 {} +
	find $(ROOT) -exec touch --no-dereference -d @$(SOURCE_DATE_EPOCH) {} +
	dpkg-deb --root-owner-group -Z$(DEB_COMPRESS) --build $(ROOT) $(DEB)
	@dpkg-deb --info $(DEB) | sed -n 's/^ \(Version\|Depends\|Installed-Size\):/  \1:/p'

lint:
	@fail=0; \
	for unit in $(UNITS); do \
	  out=$$(systemd-analyze verify --man=no "$$unit" 2>&1 | grep -v 'Command /usr/bin/newsdropd is not executable' || true); \
	  if [ -n "$$out" ]; then echo "$$out"; echo "FAIL: systemd-analyze verify $$unit"; fail=1; \
	  else echo "ok: systemd-analyze verify $$unit"; fi; \
	  copy=$$unit; case $$unit in *@.service) mkdir -p $(DIST)/lint; copy=$(DIST)/lint/newsdropd@lint.service; cp "$$unit" "$$copy";; esac; \
	  score=$$(systemd-analyze security --offline=yes "$$copy" 2>/dev/null | sed -n 's/.*Overall exposure level for .*: \([0-9.]*\) .*/\1/p'); \
	  if awk -v s="$$score" -v t=$(SECURITY_THRESHOLD) 'BEGIN { exit !(s != "" && s <= t) }'; then \
	    echo "ok: systemd-analyze security --offline=yes $$unit: $$score (<= $(SECURITY_THRESHOLD))"; \
	  else echo "FAIL: systemd-analyze security --offline=yes $$unit: '$$score' (> $(SECURITY_THRESHOLD))"; fail=1; fi; \
	done; \
	exit $$fail

lintian: deb
	lintian --fail-on error --info $(DEB)

# The container root is cached outside the repository (ROOTFS_CACHE, default /var/tmp).
system-test: deb
	bash packaging/test/system-test.sh $(DEB)

clean:
	rm -rf $(DIST) newsdrop_*.deb

# Other targets (e.g. mk/reliability.mk) plug in here.
-include mk/*.mk
