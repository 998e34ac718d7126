"""A small news page written for the tests: navigation, an article with two quotes by one speaker
(Governor Ann Walsh, then "she"), a footer."""

ARTICLE = ("<html><head><title>Bridge plan</title></head><body><nav>Home | News | Sports</nav><article>"
           "<h1>Bridge plan approved</h1>"
           "<p>The city council approved the bridge plan on Tuesday after a long debate among members.</p>"
           "<p>“We will rebuild every bridge in this city before the next winter comes,” said Governor Ann "
           "Walsh, who spoke to reporters outside the council chamber.</p>"
           "<p>“The money is there and the engineers are ready to start the work,” she said.</p>"
           "<p>Opponents said the plan was too expensive and would raise taxes for a decade.</p>"
           "</article><footer>© 2024 City News. All rights reserved.</footer></body></html>")
