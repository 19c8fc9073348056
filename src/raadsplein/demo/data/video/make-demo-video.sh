#!/bin/sh
# Makes the demo world's video (demo-video.mp4) and its Dutch captions (demo-video.nl.vtt):
# a title card "Demo-video Raadsplein" with espeak-ng speaking the caption lines. Run once by
# hand (needs ffmpeg, espeak-ng and the DejaVu fonts); the result is shipped in this folder,
# so seed_demo needs neither. The cue times follow the length of each spoken line.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
small=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

cat > "$tmp/lines.txt" <<'LINES'
Welkom. Dit is een demo-video van Raadsplein.
In deze video hoort u wat een cliëntenraad is.
De raad komt op voor de belangen van alle cliënten.
Heeft u vragen? Bel dan de Vraagbaak.
LINES

printf 'WEBVTT\n\n' > demo-video.nl.vtt
start=0.5
n=0
: > "$tmp/list.txt"
ffmpeg -nostdin -loglevel error -f lavfi -i anullsrc=r=22050:cl=mono -t 0.5 "$tmp/pad.wav"
echo "file '$tmp/pad.wav'" >> "$tmp/list.txt"
while IFS= read -r line; do
  n=$((n + 1))
  espeak-ng -v nl -s 150 -w "$tmp/raw$n.wav" "$line" < /dev/null
  ffmpeg -nostdin -loglevel error -i "$tmp/raw$n.wav" -ar 22050 -ac 1 "$tmp/line$n.wav"
  length=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$tmp/line$n.wav")
  end=$(echo "$start + $length" | bc -l)
  printf '%s\n%s --> %s\n%s\n\n' "$n" \
    "$(printf '00:%06.3f' "$start")" "$(printf '00:%06.3f' "$end")" "$line" >> demo-video.nl.vtt
  echo "file '$tmp/line$n.wav'" >> "$tmp/list.txt"
  echo "file '$tmp/pad.wav'" >> "$tmp/list.txt"
  start=$(echo "$end + 0.5" | bc -l)
done < "$tmp/lines.txt"
ffmpeg -nostdin -loglevel error -f concat -safe 0 -i "$tmp/list.txt" -c copy "$tmp/speech.wav"

ffmpeg -nostdin -loglevel error -y \
  -f lavfi -i "color=c=0x1d4f91:s=640x360:r=10" -i "$tmp/speech.wav" \
  -vf "drawtext=fontfile=$font:text='Demo-video Raadsplein':fontcolor=white:fontsize=40:x=(w-text_w)/2:y=(h-text_h)/2-30,drawtext=fontfile=$small:text='Voorbeeld voor de demo, geen echte uitleg':fontcolor=white:fontsize=22:x=(w-text_w)/2:y=(h-text_h)/2+30" \
  -t "$start" -c:v libx264 -preset veryslow -crf 30 -tune stillimage -pix_fmt yuv420p \
  -c:a aac -b:a 32k -ac 1 -movflags +faststart demo-video.mp4
ls -l demo-video.mp4 demo-video.nl.vtt
