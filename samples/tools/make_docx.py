#!/usr/bin/env python3
"""Builds samples/10_sozialamt_suedtal.docx, a small but valid Word document.

The transcript is invented (see samples/README.md): an expert interview with
a member of staff of the Sozialamt of the (fictional) Landkreis Südtal about
using the Ausländerzentralregister (AZR). It is written as Word writes such
transcripts, to exercise qcode's DOCX reader:

- labelled paragraphs "I: ..." / "B: ..." whose bold label is a run of its
  own, separate from the text run;
- words split into several runs mid-word (formatting changes inside a word);
- a tab after a label, a manual line break inside a paragraph;
- a non-breaking hyphen (AZR-Zugang) and a soft hyphen;
- a tracked deletion ("Fax oder per ") that must not appear in the text, and
  a tracked insertion that must;
- proofing and bookmark marks between runs, empty paragraphs between turns.

Python 3 standard library only. The output is byte-for-byte reproducible
(fixed zip timestamps and attributes):

    python3 samples/tools/make_docx.py [OUTPUT]
"""

import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DATE_TIME = (2025, 1, 1, 0, 0, 0)
DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "10_sozialamt_suedtal.docx"


# --------------------------------------------------------------------------
# Run-level building blocks. A paragraph is a list of these XML snippets.

def run(text, bold=False, italic=False):
    props = ""
    if bold or italic:
        props = "<w:rPr>" + ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + "</w:rPr>"
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:r>{props}<w:t{space}>{escape(text)}</w:t></w:r>"


def label(name):
    """The speaker label as Word keeps it when it is bold: a run of its own."""
    return run(name + ":", bold=True)


def tab():
    return "<w:r><w:tab/></w:r>"


def line_break():
    return "<w:r><w:br/></w:r>"


def no_break_hyphen():
    return "<w:r><w:noBreakHyphen/></w:r>"


def soft_hyphen():
    return "<w:r><w:softHyphen/></w:r>"


_revision = [0]


def _next_id():
    _revision[0] += 1
    return _revision[0]


def deleted(text):
    """A tracked deletion: shown struck through in Word, not part of the text."""
    return (f'<w:del w:id="{_next_id()}" w:author="Transkription" w:date="2025-04-02T10:00:00Z">'
            f'<w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>')


def inserted(text):
    """A tracked insertion: part of the text."""
    return (f'<w:ins w:id="{_next_id()}" w:author="Transkription" w:date="2025-04-02T10:00:00Z">'
            f"{run(text)}</w:ins>")


def proof_error(*runs):
    return '<w:proofErr w:type="spellStart"/>' + "".join(runs) + '<w:proofErr w:type="spellEnd"/>'


def bookmark(name, *runs):
    ident = _next_id()
    return (f'<w:bookmarkStart w:id="{ident}" w:name="{name}"/>' + "".join(runs) +
            f'<w:bookmarkEnd w:id="{ident}"/>')


def turn(speaker, text):
    """An ordinary labelled paragraph: bold label run, then the text run."""
    return [label(speaker), run(" " + text)]


# --------------------------------------------------------------------------
# The transcript. None of it is quoted from a real interview.

PARAGRAPHS = [
    [run("Interview 10 \u2013 Sozialamt Landkreis S\u00fcdtal (Leistungen nach AsylbLG und SGB XII)", bold=True)],
    [run("Datum: 02.04.2025, Dauer: 12 Minuten")],
    [run("Befragte Person: Sachbearbeiterin im Sachgebiet Hilfe zum Lebensunterhalt")],
    [run("Transkription: einfaches Transkript nach Dresing/Pehl")],
    [],
    turn("I", "Vielen Dank, dass Sie sich Zeit nehmen. Können Sie kurz beschreiben, was Ihr Sachgebiet macht?"),
    [],
    [label("B"), run(" Gern. Ich arbeite seit elf Jahren im Sozialamt des Landkreises Südtal, im Sachgebiet Hilfe "
                     "zum Lebensunterhalt und Leistungen nach dem Asylbewerberleistungsgesetz. Wir sind sieben "
                     "Kolleginnen und Kollegen für den ganzen Landkreis, also für 23 Gemeinden, und betreuen im "
                     "Moment ungefähr 1.100 Leistungs"), soft_hyphen(),
     run("berechtigte mit ausländischer Staatsangehörigkeit. Für fast jede Entscheidung brauchen wir den "
         "aufenthaltsrechtlichen Status, z. B. ob eine Duldung vorliegt oder eine Aufenthaltserlaubnis nach "
         "§ 24 AufenthG.")],
    [],
    turn("I", "Wie kommen Sie an diese Informationen? Nutzen Sie das Ausländerzentralregister?"),
    [],
    [label("B"), run(" Direkt nicht. Wir haben keinen eigenen AZR"), no_break_hyphen(),
     run("Zugang. (...) Das ist eigentlich das Grundproblem. Wenn wir den Status wissen müssen, schreiben wir "
         "eine Anfrage per E-Mail an die "), run("Aus", italic=True), run("länder"), run("behörde", italic=True),
     run(", die sitzt bei uns im Landratsamt zwei Stockwerke höher. Die Kolleginnen dort schauen im AZR bzw. in "
         "ihrem Fachverfahren nach und schicken uns die Antwort zurück, meistens als PDF oder als Text in der "
         "Mail. Das dauert im besten Fall einen Tag, manchmal aber auch eine Woche, wenn dort gerade "
         "Urlaubszeit ist.")],
    [],
    [label("I"), tab(), run("Warum haben Sie keinen eigenen Zugang beantragt?")],
    [],
    turn("B", "Das haben wir vor drei Jahren schon einmal versucht. Damals hieß es, die Rechtsgrundlage sei für "
              "uns nicht eindeutig, und dann kam noch der Datenschutz dazu. Unser Datenschutzbeauftragter hat "
              "gesagt, dass wir beim Abruf sehr genau dokumentieren müssten, wofür wir welche Daten brauchen, und "
              "dass das Sozialgeheimnis nach § 35 SGB I auch in die andere Richtung gilt. Also was wir der "
              "Ausländerbehörde über unsere Leistungsberechtigten mitteilen dürfen, ist ebenfalls begrenzt. Das "
              "hat das Verfahren dann so kompliziert gemacht, dass der Antrag irgendwann liegen geblieben ist. "
              "[lacht] Es hat sich auch niemand richtig zuständig gefühlt."),
    [],
    turn("I", "Welche Folgen hat das für Ihre tägliche Arbeit?"),
    [],
    [label("B"), run(" Vor allem Medienbrüche. Die Antwort der Ausländerbehörde kommt per "), deleted("Fax oder per "),
     run("Mail, dann druckt eine Kollegin das aus, legt es in die Papierakte und tippt die Daten noch einmal von "
         "Hand in unser Fachverfahren ein. Dabei passieren natürlich Fehler, ein Zahlendreher beim Datum, ein "
         "falsch geschriebener Name. Und wenn sich der Status ändert, erfahren wir das oft erst Wochen später, "
         "weil uns niemand automatisch informiert. Dann haben wir womöglich schon Leistungen nach dem falschen "
         "Gesetz bewilligt und müssen das "), proof_error(run("rückabwickeln")),
     run(". Das ist für die Leute schlecht und für uns ein enormer Aufwand.")],
    [],
    turn("I", "Sie haben die Kolleginnen der Ausländerbehörde erwähnt. Wie läuft die Zusammenarbeit?"),
    [],
    [label("B"), run(" Menschlich sehr gut, das muss ich wirklich sagen. Wir haben seit zwei Jahren eine feste "
                     "Ansprechpartnerin in der Ausländerbehörde, Frau K., die unsere Anfragen "),
     inserted("zentral "), run("bündelt. Vorher ging jede Mail an das allgemeine Postfach und blieb da manchmal "
                                 "liegen. Jetzt wissen wir, wen wir anrufen können, und sie weiß, was wir brauchen. "
                                 "Das sind eben kurze Wege, wir sitzen ja im selben Haus, man trifft sich in der "
                                 "Kantine und klärt vieles auf dem Flur. "),
     bookmark("Erfolgsfaktor", run("Das ist ehrlich gesagt der wichtigste Erfolgsfaktor, den wir haben."))],
    [],
    turn("I", "Und was erschwert die Zusammenarbeit?"),
    [],
    [label("B"), run(" Der "), run("Personal", bold=True), run("mangel", bold=False),
     run(", auf beiden Seiten. In der Ausländerbehörde sind zwei Stellen seit Monaten unbesetzt, und bei uns ist "
         "eine Kollegin in Elternzeit, ohne dass die Stelle nachbesetzt wurde. Wenn Frau K. krank ist oder im "
         "Urlaub, dann steht im Grunde alles. Es gibt keine Vertretungs"), run("regelung", italic=True),
     run(" für unsere Anfragen. Dazu kommt, dass die Ausländerbehörde natürlich ihre eigenen Prioritäten hat, "
         "Abschiebungen, Einbürgerungen, die Verlängerungen. Unsere Anfragen laufen da eher nebenbei.")],
    [],
    turn("I", "Was würde Ihnen am meisten helfen?"),
    [],
    turn("B", "Am meisten würde uns ein eigener lesender Zugang zum AZR helfen, auch wenn er nur für zwei oder drei "
              "Personen freigeschaltet wäre. Dann könnten wir den Status selbst prüfen und müssten nicht jedes Mal "
              "eine E-Mail schreiben. Noch besser wäre eine Schnittstelle zu unserem Fachverfahren, damit wir die "
              "Daten nicht abtippen müssen. Aber da bin ich realistisch, das wird in den nächsten Jahren nicht "
              "passieren, dafür ist das Fachverfahren zu alt und der Hersteller zu langsam. Kurzfristig wäre schon "
              "viel gewonnen, wenn die Ausländerbehörde uns Statusänderungen von sich aus mitteilen würde, z. B. "
              "über ein gemeinsames Postfach oder eine Liste einmal pro Woche. Und natürlich mehr Personal, aber "
              "das sagt ja jeder. [lacht]"),
    [],
    turn("I", "Gibt es zum Schluss noch etwas, das Sie ergänzen möchten?"),
    [],
    [label("B"), run(" Vielleicht nur, dass es aus meiner Sicht nicht an der Technik allein liegt."), line_break(),
     run("Die Technik ist da, das AZR gibt es seit Jahrzehnten. Es fehlt eher an klaren Zuständigkeiten und an "
         "jemandem, der das im Landkreis in die Hand nimmt. Solange jede Behörde nur auf ihre eigenen Aufgaben "
         "schaut, bleibt es bei den E-Mails und den Ausdrucken.")],
    [],
    turn("I", "Vielen Dank für das Gespräch."),
]


# --------------------------------------------------------------------------
# The package parts.

def document_xml():
    body = "".join("<w:p>" + "".join(p) + "</w:p>" if p else "<w:p/>" for p in PARAGRAPHS)
    section = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
               '<w:pgMar w:top="1417" w:right="1417" w:bottom="1134" w:left="1417" w:header="708" '
               'w:footer="708" w:gutter="0"/></w:sectPr>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}{section}</w:body></w:document>')


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/word/document.xml" \
ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
<Override PartName="/docProps/app.xml" \
ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
</Types>"""

PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" \
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
Target="word/document.xml"/>\
<Relationship Id="rId2" \
Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
Target="docProps/core.xml"/>\
<Relationship Id="rId3" \
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" \
Target="docProps/app.xml"/>\
</Relationships>"""

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
<dc:title>Interview 10 \u2013 Sozialamt Landkreis S\u00fcdtal</dc:title>\
<dc:creator>qcode samples</dc:creator><dc:language>de-DE</dc:language>\
<dcterms:created xsi:type="dcterms:W3CDTF">2025-04-02T10:00:00Z</dcterms:created>\
<dcterms:modified xsi:type="dcterms:W3CDTF">2025-04-02T10:00:00Z</dcterms:modified>\
</cp:coreProperties>"""

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
<Application>qcode make_docx.py</Application></Properties>"""


def write_docx(path):
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("word/document.xml", document_xml()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("docProps/core.xml", CORE),
        ("docProps/app.xml", APP),
    ]
    with zipfile.ZipFile(path, "w") as z:
        for name, content in parts:
            info = zipfile.ZipInfo(name, date_time=DATE_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            z.writestr(info, content.encode("utf-8"))


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT
    write_docx(out)
    print(out)


if __name__ == "__main__":
    main()
