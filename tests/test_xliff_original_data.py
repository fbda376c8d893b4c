"""XLIFF 2 <originalData>: the native code a ph/pc/sc/ec tag stands for, kept with the tag for display."""

from transqa.readers.xliff import read_xliff

DOC = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" trgLang="en">
  <file id="f1">
    <unit id="u1">
      <originalData>
        <data id="d1">&lt;b&gt;</data>
        <data id="d2">&lt;/b&gt;</data>
        <data id="d3">&lt;br/&gt;</data>
        <data id="d4">{0}</data>
      </originalData>
      <segment>
        <source><pc id="1" dataRefStart="d1" dataRefEnd="d2">上海<mrk id="m1" type="term">知识产权</mrk></pc><ph id="2" dataRef="d3"/>共<ph id="3" dataRef="d4"/>项</source>
        <target><pc id="1" dataRefStart="d1" dataRefEnd="d2">Shanghai <mrk id="m1" type="term">IP</mrk></pc><ph id="2" dataRef="d3"/>{0} items<ph id="5" dataRef="missing"/></target>
      </segment>
    </unit>
    <unit id="u2">
      <segment>
        <source>无<ph id="1" dataRef="d3"/>数据</source>
        <target>No<ph id="1" dataRef="d3"/>data</target>
      </segment>
    </unit>
  </file>
</xliff>
"""


def test_tags_carry_their_original_data(tmp_path):
    path = tmp_path / "doc.xlf"
    path.write_text(DOC, encoding="utf-8")
    first, second = read_xliff(str(path)).segments
    source = [(t["key"], t.get("data")) for t in first.meta["tags"]["source"]]
    assert source == [("<pc1>", "<b>"), ("<mrkm1>", None), ("</mrkm1>", None), ("</pc1>", "</b>"),
                      ("<ph2/>", "<br/>"), ("<ph3/>", "{0}")]
    target = [(t["key"], t.get("data")) for t in first.meta["tags"]["target"]]
    assert target[-1] == ("<ph5/>", None)  # a dataRef to no <data>: no display, no error
    assert target[:5] == source[:5]
    # originalData belongs to its unit: u2's d3 is not u1's
    assert [t.get("data") for t in second.meta["tags"]["source"]] == [None]
