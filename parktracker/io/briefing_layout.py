"""The page of a Chinese official document (GB/T 9704-2012, 党政机关公文格式), shared by the
briefing's .docx and PDF writers so both look the same.

- A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (版心 156 × 225 mm).
- Title 方正小标宋简体 二号 (22 pt), centred. Body 仿宋_GB2312 三号 (16 pt), first line indented
  two characters, fixed line spacing 28.5 pt (22 lines a page). Level-1 headings 黑体 三号
  (一、), level-2 headings 楷体_GB2312 三号 (（一）).
- Page numbers "— 1 —" in 宋体 四号 (14 pt) under the 版心: odd pages on the right, even pages
  on the left, each one character (14 pt) in from the edge of the 版心 (单页码居右空一字，双页码居左
  空一字), as the standard says.
- Tables and captions: 仿宋 四号 (14 pt) body text, 黑体 for the header row.
"""

from __future__ import annotations

MM_PER_PT = 25.4 / 72

PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
TOP_MM = 37.0
BOTTOM_MM = 35.0
LEFT_MM = 28.0
RIGHT_MM = 26.0
TEXT_WIDTH_MM = PAGE_WIDTH_MM - LEFT_MM - RIGHT_MM  # 156
FOOTER_FROM_BOTTOM_MM = 28.0 - 7.0  # the page number sits 7 mm below the 版心

TITLE_PT = 22.0  # 二号
BODY_PT = 16.0  # 三号
PAGE_NUMBER_PT = 14.0  # 四号
TABLE_PT = 14.0  # 四号
LINE_PT = 28.5  # fixed line spacing
TABLE_LINE_PT = 20.0
INDENT_CHARS = 2

# The fonts a document names (a .docx is laid out by the reader's Word/WPS, which has them on
# official machines). The PDF embeds the files it finds (briefing_fonts.py) or Noto Sans SC.
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING1_FONT = "黑体"
HEADING2_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"


def page_number_text(page: int) -> str:
    """ "— 1 —": the number between two em dashes (一字线), a space on each side."""
    return f"— {page} —"
