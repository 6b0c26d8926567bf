################################################################################
#
# dualhome
#
################################################################################

DUALHOME_VERSION = 1.0
# The DualHome repository this external tree lives in (image/br2-external).
DUALHOME_SITE = $(BR2_EXTERNAL_DUALHOME_PATH)/../..
DUALHOME_SITE_METHOD = local
# Only the prebuilt binary and the board profiles are copied into the build
# directory, not the sources, the test trees or a Buildroot output directory.
DUALHOME_OVERRIDE_SRCDIR_RSYNC_EXCLUSIONS = \
	--include /artifacts/ --include /artifacts/linux-arm64/ \
	--include /artifacts/linux-arm64/dualhomed \
	--include /board/ --include '/board/**' --exclude '*'

DUALHOME_BINARY = $(@D)/artifacts/linux-arm64/dualhomed

define DUALHOME_BUILD_CMDS
	@test -f $(DUALHOME_BINARY) || { \
		echo "dualhome: $(DUALHOME_BINARY) is missing:" \
			"run ./build.sh publish in the DualHome repository first"; \
		exit 1; }
endef

define DUALHOME_INSTALL_TARGET_CMDS
	$(INSTALL) -D -m 0755 $(DUALHOME_BINARY) $(TARGET_DIR)/usr/sbin/dualhomed
	for f in $(@D)/board/*/board.json; do \
		b=$$(basename $$(dirname $$f)); \
		$(INSTALL) -D -m 0644 $$f \
			$(TARGET_DIR)/usr/share/dualhome/board/$$b/board.json || exit 1; \
	done
	$(INSTALL) -d -m 0755 $(TARGET_DIR)/etc/dualhome $(TARGET_DIR)/var/lib/dualhome
endef

$(eval $(generic-package))
