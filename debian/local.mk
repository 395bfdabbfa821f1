# The Debian package: `make deb` builds it from the release tarball, as a distribution would,
# with dpkg-buildpackage (needs dpkg-dev and debhelper), then checks what it holds.
EXTRA_DIST += debian/control debian/rules debian/changelog debian/copyright debian/source/format \
	debian/local.mk tests/pkg/deb.sh tests/pkg/debian.sh
TESTS += tests/pkg/debian.sh
DEB_BUILD_DIR = deb-build
.PHONY: deb
deb: dist
	rm -rf $(DEB_BUILD_DIR) && $(MKDIR_P) $(DEB_BUILD_DIR)
	tar -C $(DEB_BUILD_DIR) -xzf $(distdir).tar.gz
	cd $(DEB_BUILD_DIR)/$(distdir) && DEB_BUILD_OPTIONS="nocheck parallel=2 $${DEB_BUILD_OPTIONS:-}" \
		dpkg-buildpackage -b -uc -us
	mv $(DEB_BUILD_DIR)/*.deb .
	rm -rf $(DEB_BUILD_DIR)
	$(SHELL) $(srcdir)/tests/pkg/deb.sh $(PACKAGE)_$(VERSION)_*.deb
CLEANFILES += $(PACKAGE)_$(VERSION)_*.deb $(PACKAGE)-dbgsym_$(VERSION)_*.deb
