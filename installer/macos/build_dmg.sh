#!/usr/bin/env bash
# Build Zhigai.app and Zhigai-<version>.dmg on macOS:
#
#     bash installer/macos/build_dmg.sh
#
# Uses the project's environment (.venv, or $PYTHON) with PyInstaller installed
# (pip install -e '.[test]'). Produces installer/dist/Zhigai.app (bundle identifier from
# $ZHIGAI_BUNDLE_ID, default cn.zhigai.desktop; version from the package, in Info.plist) and
# installer/dist/Zhigai-<version>.dmg (the app and a link to /Applications).
#
# Optional, for distribution outside your own machines (needs an Apple Developer ID):
#   ZHIGAI_CODESIGN_IDENTITY="Developer ID Application: Name (TEAMID)"  sign with the hardened
#       runtime (PyInstaller signs every binary and the app; this script signs the .dmg)
#   ZHIGAI_NOTARY_PROFILE=name   notarize the .dmg and staple the ticket; the profile is made
#       once with: xcrun notarytool store-credentials name --apple-id ... --team-id ...
# Without them the app is ad-hoc signed: it runs on the machine that built it; elsewhere
# Gatekeeper asks the user to open it with right-click > Open.
#
# NOT TESTED: written on Linux, where neither PyInstaller's macOS mode nor hdiutil run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIST="$ROOT/installer/dist"
WORK="$ROOT/installer/build"

die() { printf 'build_dmg.sh: %s\n' "$*" >&2; exit 1; }

[ "$(uname -s)" = Darwin ] || die "runs on macOS only (PyInstaller builds for the system it runs on; hdiutil)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
[ -x "$PYTHON" ] || PYTHON="$(command -v python3)" || die "no Python: set PYTHON"

if [ -n "${ZHIGAI_CODESIGN_IDENTITY:-}" ]; then
  # Python under the hardened runtime: ctypes (libffi) needs writable+executable memory, and the
  # bundled libraries are signed by us, not by Apple
  mkdir -p "$WORK"
  ZHIGAI_ENTITLEMENTS="$WORK/entitlements.plist"
  cat > "$ZHIGAI_ENTITLEMENTS" <<'PLIST'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
    <key>com.apple.security.cs.allow-unsigned-executable-memory</key>
    <true/>
    <key>com.apple.security.cs.disable-library-validation</key>
    <true/>
</dict>
</plist>
PLIST
  export ZHIGAI_ENTITLEMENTS ZHIGAI_CODESIGN_IDENTITY
fi

# 1. Zhigai.app (and the plain folder installer/dist/Zhigai)
"$PYTHON" "$ROOT/installer/build.py" --dist "$DIST" --work "$WORK"
VERSION="$("$PYTHON" "$ROOT/installer/build.py" --print-version)"
APP="$DIST/Zhigai.app"
[ -d "$APP" ] || die "PyInstaller made no $APP"

# 2. check what was built: version in Info.plist, the program starts and finds its data
plist_version="$(/usr/libexec/PlistBuddy -c 'Print :CFBundleShortVersionString' "$APP/Contents/Info.plist")"
[ "$plist_version" = "$VERSION" ] || die "Info.plist says $plist_version, the package $VERSION"
"$APP/Contents/MacOS/zhigai-cli" --version
QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/Zhigai" --self-check
codesign --verify --deep --strict "$APP" || die "the app's signature does not verify"

# 3. the disk image: the app and a link to /Applications to drag it to
DMG="$DIST/Zhigai-$VERSION.dmg"
STAGE="$WORK/dmg"
rm -rf "$STAGE" "$DMG"
mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname "Zhigai $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
rm -rf "$STAGE"

# 4. optional: sign and notarize the disk image
if [ -n "${ZHIGAI_CODESIGN_IDENTITY:-}" ]; then
  codesign --sign "$ZHIGAI_CODESIGN_IDENTITY" --timestamp "$DMG"
  if [ -n "${ZHIGAI_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$ZHIGAI_NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
    spctl --assess --type open --context context:primary-signature --verbose "$DMG"
  fi
fi

printf 'app: %s\ndisk image: %s (%s)\n' "$APP" "$DMG" "$(du -h "$DMG" | cut -f1)"
