# Makes 024_pingtan_2024.bs4concat.blank-legal.txt: the 2024 平潭 page with every 法人或其他组织 cell of
# table 三 emptied, as BeautifulSoup's get_text() prints it (cells run together, blanks gone). A search
# trap: each row's digits can be parted among seven columns in many ways. Debian: python3-bs4 python3-lxml.
#   python3 bench/cases/make-blank-legal.py corpus/024_pingtan_2024.html > bench/cases/024_pingtan_2024.bs4concat.blank-legal.txt
import sys
from bs4 import BeautifulSoup

soup = BeautifulSoup(open(sys.argv[1], encoding='utf-8').read(), 'lxml')
applications = soup.find_all('table')[1]
for tr in applications.find_all('tr'):
    numbers = [td for td in tr.find_all(['td', 'th'], recursive=False) if td.get_text(strip=True).replace('.', '').isdigit()]
    if len(numbers) >= 7:
        for td in numbers[-6:-1]:
            td.clear()
for t in soup(['script', 'style']):
    t.decompose()
sys.stdout.write(soup.get_text())
