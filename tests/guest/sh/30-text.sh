# Text tools: cat/head/tail/wc, grep/sed/tr/cut/sort/uniq/awk, tee.
. /tests/lib.sh

printf 'one\ntwo\nthree\nfour\nfive\n' > lines
printf 'b 2\na 10\nc 1\na 10\n' > table

t() {	# t <applet> <description> <got> <expected>
	if have "$1"; then
		is "$2" "$3" "$4"
	else
		skip "$2" "no $1"
	fi
}

t cat "cat concatenates" "$(cat lines lines)" "$(printf 'one\ntwo\nthree\nfour\nfive\none\ntwo\nthree\nfour\nfive')"
t head "head -n" "$(head -n 2 lines)" "one
two"
t head "head -c" "$(head -c 5 lines)" "one
t"
t tail "tail -n" "$(tail -n 2 lines)" "four
five"
t tail "tail -n +N" "$(tail -n +4 lines)" "four
five"
t wc "wc -l" "$(wc -l < lines)" "5"
t wc "wc -w" "$(echo a b c d | wc -w)" "4"
t wc "wc -c" "$(printf 12345 | wc -c)" "5"
t grep "grep matches" "$(grep o lines)" "one
two
four"
t grep "grep -v" "$(grep -v o lines)" "three
five"
t grep "grep -c" "$(grep -c e lines)" "3"
t grep "grep -E alternation" "$(grep -E '^(one|five)$' lines)" "one
five"
t grep "grep -i" "$(echo HeLLo | grep -i hello)" "HeLLo"
t grep "grep -n" "$(grep -n three lines)" "3:three"
t grep "grep exit status without a match" "$(grep -q zzz lines; echo $?)" "1"
t sed "sed substitute" "$(echo hello | sed 's/l/L/g')" "heLLo"
t sed "sed line address" "$(sed -n 2p lines)" "two"
t sed "sed delete range" "$(sed '2,4d' lines)" "one
five"
t sed "sed regex groups" "$(echo 'key=value' | sed -E 's/(.*)=(.*)/\2=\1/')" "value=key"
t sed "sed -i edits in place" "$(cp lines l2 && sed -i 's/one/ONE/' l2 && head -n 1 l2)" "ONE"
t tr "tr translates" "$(echo hello | tr a-z A-Z)" "HELLO"
t tr "tr -d deletes" "$(echo hello | tr -d l)" "heo"
t tr "tr -s squeezes" "$(echo 'a   b' | tr -s ' ')" "a b"
t cut "cut -d -f" "$(echo a:b:c | cut -d: -f2)" "b"
t cut "cut -c" "$(echo abcdef | cut -c 2-4)" "bcd"
t sort "sort" "$(sort lines | head -n 1)" "five"
t sort "sort -n" "$(printf '10\n9\n100\n' | sort -n | tr '\n' ' ')" "9 10 100 "
t sort "sort -r" "$(printf 'a\nc\nb\n' | sort -r | tr '\n' ' ')" "c b a "
t sort "sort -k2n" "$(sort -k2n table | head -n 1)" "c 1"
t sort "sort -u" "$(sort -u table | wc -l)" "3"
t uniq "uniq" "$(printf 'a\na\nb\na\n' | uniq | tr '\n' ' ')" "a b a "
t uniq "uniq -c" "$(printf 'x\nx\n' | uniq -c | tr -s ' ')" " 2 x"
t awk "awk fields" "$(echo 'a b c' | awk '{print $2}')" "b"
t awk "awk sums a column" "$(awk '{s += $2} END {print s}' table)" "23"
t awk "awk -F and NR" "$(echo 'x:y' | awk -F: '{print NR, $2}')" "1 y"
t awk "awk printf and arrays" "$(awk '{n[$1]++} END {printf "%d%d%d", n["a"], n["b"], n["c"]}' table)" "211"
t tee "tee writes a file and stdout" "$(echo teed | tee teeout)$(cat teeout)" "teedteed"
t tee "tee -a appends" "$(echo more | tee -a teeout >/dev/null; cat teeout)" "teed
more"
t rev "rev" "$(echo abc | rev)" "cba"
t od "od -c" "$(printf 'AB' | od -c | head -n 1 | tr -s ' ')" "0000000 A B"

done_testing
