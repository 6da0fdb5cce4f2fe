#!/bin/sh
# Install the unpacked ParkTracker folder for the current user (no root needed):
#   the program in ~/.local/opt/ParkTracker, a menu entry and its icons under ~/.local/share.
# Run it from the unpacked folder:  ./install.sh        Remove again:  ./install.sh --uninstall
set -eu
here=$(cd "$(dirname "$0")" && pwd)
app_id=cn.gov.qingdao.ParkTracker
prefix=${XDG_DATA_HOME:-$HOME/.local/share}
target=$HOME/.local/opt/ParkTracker
if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$target" "$prefix/applications/$app_id.desktop" "$prefix/metainfo/$app_id.metainfo.xml"
    find "$prefix/icons/hicolor" -name "$app_id.*" -delete 2>/dev/null || true
    echo "ParkTracker removed (your data folder is kept)."
    exit 0
fi
if [ "$here" != "$target" ]; then
    rm -rf "$target"
    mkdir -p "$target"
    cp -a "$here/." "$target/"
fi
mkdir -p "$prefix/applications" "$prefix/metainfo"
sed "s|^Exec=ParkTracker|Exec=\"$target/ParkTracker\"|" "$here/share/applications/$app_id.desktop" \
    > "$prefix/applications/$app_id.desktop"
cp "$here/share/metainfo/$app_id.metainfo.xml" "$prefix/metainfo/"
for icon in "$here"/share/icons/hicolor/*/apps/"$app_id".*; do
    size_dir=$(basename "$(dirname "$(dirname "$icon")")")
    mkdir -p "$prefix/icons/hicolor/$size_dir/apps"
    cp "$icon" "$prefix/icons/hicolor/$size_dir/apps/"
done
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$prefix/applications" || true
echo "ParkTracker installed in $target; it is in the applications menu (Office)."
