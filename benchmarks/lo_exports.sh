#!/bin/bash
# Used by benchmarks/README.md "Legacy files in a batch". Run from a folder holding in/n1.doc … in/n10.doc (copies of samples/notice.doc); appends to times.txt.
# LibreOffice CPU (user+sys incl. children) converting 1 and 10 copies of samples/notice.doc, one run each, profile kept.
for r in 1 2 3; do for t in docx html; do for n in 1 10; do rm -rf out; files=$(ls in/*.doc | head -$n); /usr/bin/time -f "$t $n %U %S %e" soffice -env:UserInstallation=file:///tmp/lo/prof --headless --convert-to "$t" --outdir out $files >/dev/null 2>>times.txt; done; done; done
