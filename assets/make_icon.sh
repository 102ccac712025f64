#!/bin/sh
# Draws assets/citecard.png, the app's 128x128 window icon: an index card with lines of text, one
# of them marked with a highlighter, on the app's teal. Run once after changing the design; the
# PNG is committed so builds need no ImageMagick.
set -eu
cd "$(dirname "$0")"
convert -size 128x128 xc:none \
  -fill '#2E7090' -draw 'roundrectangle 4,4 123,123 22,22' \
  -fill '#1F5670' -draw 'roundrectangle 26,30 109,105 8,8' \
  -fill '#FBF8F1' -draw 'roundrectangle 20,24 103,99 8,8' \
  -fill '#FCE58C' -draw 'roundrectangle 29,51 94,63 3,3' \
  -fill '#8C877C' -draw 'roundrectangle 32,38 84,42 2,2' \
  -fill '#2A2A2E' -draw 'roundrectangle 32,55 90,59 2,2' \
  -fill '#8C877C' -draw 'roundrectangle 32,72 88,76 2,2' \
  -fill '#8C877C' -draw 'roundrectangle 32,85 70,89 2,2' \
  -strip PNG32:citecard.png
