#!/usr/bin/env bash
# Renders the PNG, ICO and ICNS icons from org.coscore.coscore.svg. Run it after changing the
# SVG and commit the results (the build and the package use the committed files, so building
# CoScore needs no SVG renderer). Needs rsvg-convert (librsvg2-bin), ImageMagick (convert) and
# png2icns (icnsutils): apt-get install librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")"
svg=org.coscore.coscore.svg
convert_bin=$(command -v convert-im6.q16 || command -v convert)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Linux: hicolor sizes (share/icons/hicolor/NxN/apps/).
for size in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "hicolor/${size}x${size}/apps"
    rsvg-convert --width "$size" --height "$size" "$svg" \
        --output "hicolor/${size}x${size}/apps/org.coscore.coscore.png"
done

# Windows: one .ico with the sizes Explorer and the Start menu use.
ico_sizes=()
for size in 16 24 32 48 64 256; do
    ico_sizes+=("hicolor/${size}x${size}/apps/org.coscore.coscore.png")
done
"$convert_bin" "${ico_sizes[@]}" ../windows/coscore.ico

# macOS: .icns for the app bundle.
png2icns ../macos/CoScore.icns hicolor/16x16/apps/org.coscore.coscore.png \
    hicolor/32x32/apps/org.coscore.coscore.png hicolor/48x48/apps/org.coscore.coscore.png \
    hicolor/128x128/apps/org.coscore.coscore.png hicolor/256x256/apps/org.coscore.coscore.png \
    hicolor/512x512/apps/org.coscore.coscore.png >/dev/null
echo "render-icons: wrote hicolor/*/apps/org.coscore.coscore.png, ../windows/coscore.ico, ../macos/CoScore.icns"
