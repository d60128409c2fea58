"""Write tests/cases/seed_values.tsv from the harvested seed values and the parser's readings.

A dev tool: run it after harvest changes, then read the diff of the TSV line by line — each row
is an expectation a careful reader signs off on. Rows listed in EXCLUDED are not cell values but
fragments the line-based PDF harvest cuts out of descriptions.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harvest_seed_values import SEEDS, pdf_values, word_values

import perfmetrics as pm

#: Reference year per document: the budget year of its tables.
YEARS = {"000": 2022, "001": 2025, "002": 2025, "004": 2023}
OUT = Path(__file__).resolve().parents[1] / "cases" / "seed_values.tsv"
COLUMNS = [
    "source",
    "text",
    "kind",
    "op",
    "op_explicit",
    "magnitude",
    "unit",
    "low",
    "high",
    "start",
    "end",
    "note",
]
EXCLUDED = {
    "1.通过吴以成院士的专业",
    "1. 通过国家自然科学基金",
    "150 的入选博士后占我市入选总",
    "150 的学校（学科）或国内一流大",
    "1.作为会议主席承办第",
    "15 届国际网络与系统安",
    "1. 通过承担中国工程院和",
    "81.88 万退休人员养老金正常",
    "205.30 万企业养老保险退休",
    "205.50 万退休人员养老金正",
    "32.39 万退休人员老金正常发",
    "44 个自然科学和工程技术学科领",
    "3 年每人每",
    "3 年、每",
    "2 年、每",
    "5 万元奖",
    "4500.00 其他资金",
    "2019 年 1-",
    "10 月职业",
    "10 月金额",
    "2019 年 1-10",
    "2021 年专家服务基层项目和",
    "2021 年天津市“项目+团队”重",
    "2 个世",
    "2 个世界技能大赛牵头集训基",
    "2 个世界技能大赛牵",
    "3 个其",
    "300 名高技",
    "2022 年 2",
    "2022 年 12",
    "2022 年项目建设方案 2022 年 4月",
    "2022 年正常运转提供",
    "2022 年底完成考核计划 2022 年底完成",
    "1000 元、500 元交通补",
    "2022 年 12 月底前审结各类劳动人",
    "2022 年年内完成全部申",
    "100 每月 15 日前按时发",
    "3 个其他基地",
    "5 个国家级",
    "2022 年 6 月 30 日前启",
}


def rows() -> list[dict[str, str]]:
    seen: set[str] = set()
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        source = path.name[:3]
        harvest = pdf_values(path) if source == "000" else word_values(path)
        for text in harvest:
            if text in seen or text in EXCLUDED:
                continue
            seen.add(text)
            data = pm.parse(text, year=YEARS[source]).to_dict()
            out.append(
                {
                    "source": source,
                    "text": text,
                    "kind": data["kind"],
                    "op": data["op"] or "",
                    "op_explicit": str(data["op_explicit"]),
                    "magnitude": data["magnitude"] or "",
                    "unit": data["unit"] or "",
                    "low": data["low"] or "",
                    "high": data["high"] or "",
                    "start": data["start"] or "",
                    "end": data["end"] or "",
                    "note": data["note"],
                }
            )
    return out


def main() -> None:
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows())


if __name__ == "__main__":
    main()
