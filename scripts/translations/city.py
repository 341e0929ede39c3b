"""Issue 14's texts: the big city's overview (binding units first, areas on demand, a filter, orders)."""

from __future__ import annotations

T: dict[str, tuple[str, str]] = {
    "organisaation järjestyksessä": ("i organisationens ordning", "in the organisation's order"),
    "nimen mukaan": ("efter namn", "by name"),
    "käytetty osuus, suurin ensin": ("använd andel, största först", "share used, largest first"),
    "menot, suurimmat ensin": ("utgifter, största först", "costs, largest first"),
    "hälytykset ensin": ("larm först", "alerts first"),
    "Sitovien yksiköiden haku": ("Sökning bland bindande enheter", "Search of binding units"),
    "Yksikkö tai palvelualue": ("Enhet eller serviceområde", "Unit or service area"),
    "Järjestys": ("Ordning", "Order"),
    "Näytetään sitovat yksiköt, joiden nimi tai palvelualue vastaa hakua ”%(query)s”.": (
        "Bindande enheter vars namn eller serviceområde motsvarar sökningen ”%(query)s” visas.",
        "Showing the binding units whose name or service area matches “%(query)s”.",
    ),
    "Näytä kaikki sitovat yksiköt": ("Visa alla bindande enheter", "Show all binding units"),
    "Sitovat yksiköt; palvelualueet avautuvat yksikön alle": (
        "Bindande enheter; serviceområdena öppnas under enheten",
        "Binding units; their service areas open below each unit",
    ),
    "Piilota palvelualueet": ("Dölj serviceområdena", "Hide the service areas"),
    "Palvelualueet (%(count)s)": ("Serviceområden (%(count)s)", "Service areas (%(count)s)"),
    "Hakua vastaavia yksiköitä ei ole.": (
        "Inga enheter motsvarar sökningen.",
        "No unit matches the search.",
    ),
}
