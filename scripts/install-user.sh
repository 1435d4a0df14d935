#!/bin/sh
# Put `ipu` on the PATH without root: a symbolic link BINDIR/ipu -> this checkout's .venv/bin/ipu.
# Usage: scripts/install-user.sh TARGET BINDIR   (`make install-user` passes both)
# The link follows the checkout's virtual environment, so `make` updates reach it; nothing else
# is installed. A file named ipu that is not such a link is never replaced.
set -eu
target=$1
bindir=$2
link="$bindir/ipu"
if [ ! -x "$target" ]; then
    echo "ipu: $target does not exist; run 'make run' first" >&2
    exit 1
fi
mkdir -p "$bindir"
if [ -e "$link" ] || [ -L "$link" ]; then
    if [ ! -L "$link" ]; then
        echo "ipu: $link exists and is not a link; not replaced (remove it, or choose BINDIR=...)" >&2
        exit 1
    fi
    old=$(readlink "$link")
    if [ "$old" != "$target" ]; then
        echo "ipu: $link pointed to $old; now to $target" >&2
    fi
fi
ln -sfn "$target" "$link"
echo "ipu: linked $link -> $target"
case ":$PATH:" in
    *":$bindir:"*) ;;
    *) echo "ipu: $bindir is not on your PATH; add this line to your shell's startup file:"
       echo "    export PATH=\"$bindir:\$PATH\"" ;;
esac
