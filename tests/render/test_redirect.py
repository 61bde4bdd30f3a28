"""The page at a moved page's former address: Swedish, escaped, and it leads on without JavaScript."""

from __future__ import annotations

from generator.render.redirect import redirect_html


def test_the_page_refreshes_to_the_target_and_links_to_it():
    page = redirect_html('VB 2021 – "A" & <B>', "../")
    assert '<html lang="sv">' in page
    assert '<meta http-equiv="refresh" content="0; url=../">' in page
    assert '<link rel="canonical" href="../">' in page
    assert '<a href="../">VB 2021 – "A" &amp; &lt;B&gt;</a>' in page
    assert '<title>VB 2021 – "A" &amp; &lt;B&gt;</title>' in page


def test_an_address_with_quotes_cannot_leave_its_attribute():
    assert 'url=a&quot;b.html"' in redirect_html("x", 'a"b.html')
