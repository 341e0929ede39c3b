"""Issue 10's dashboard texts: own forecasts, the forecast page, the alerts page and the forecast chart."""

from __future__ import annotations

T: dict[str, tuple[str, str]] = {
    "kausirytmi": ("säsongsmönster", "seasonal"),
    "toteutumavauhti": ("utfallstakt", "run-rate"),
    "talousarvion mukaan": ("enligt budgeten", "budget-based"),
    "oma ennuste": ("egen prognos", "own forecast"),
    "useita menetelmiä": ("flera metoder", "several methods"),
    "aiempien vuosien kuukausirytmi": ("tidigare års månadsmönster", "earlier years' monthly pattern"),
    "kuukausitalousarvio": ("månadsbudget", "monthly budget"),
    "tasajako kuukausille": ("jämnt fördelad på månaderna", "spread evenly over the months"),
    "useita lähteitä": ("flera källor", "several sources"),
    "Oma ennuste": ("Egen prognos", "Own forecast"),
    "Joku muu tallensi ennusteen ensin": (
        "Någon annan sparade prognosen först",
        "Someone else saved the forecast first",
    ),
    "%(who)s tallensi version %(v)s sillä välin, kun muokkasit. Ennustettasi ei tallennettu. Vertaa "
    "versioita ja tallenna uudelleen.": (
        "%(who)s sparade version %(v)s medan du redigerade. Din prognos sparades inte. Jämför versionerna "
        "och spara igen.",
        "%(who)s saved version %(v)s while you were editing. Your forecast was not saved. Compare the "
        "versions and save again.",
    ),
    "Sinun ennusteesi": ("Din prognos", "Your forecast"),
    "Oma ennuste vuoden lopulle, euroa": (
        "Egen prognos för årets slut, euro",
        "Own year-end forecast, euros",
    ),
    "Perustelu": ("Motivering", "Reason"),
    "Takaisin ennusteisiin": ("Tillbaka till prognoserna", "Back to the forecasts"),
    "Ennusteet": ("Prognoser", "Forecasts"),
    "Ennuste on vuoden lopun arvio. Menetelmä ja kuukausijaon lähde näkyvät luvun vieressä; "
    "vaihteluväli kertoo menetelmän virheen aiempina vuosina samassa kuussa. Hyväksytty oma ennuste "
    "korvaa menetelmän ennusteen.": (
        "Prognosen är en uppskattning av årets slut. Metoden och källan till månadsfördelningen visas "
        "bredvid talet; intervallet visar metodens fel tidigare år i samma månad. En godkänd egen "
        "prognos ersätter metodens prognos.",
        "The forecast is an estimate of the year end. The method and the source of the monthly split "
        "are shown beside the figure; the range is the method's error in earlier years at the same "
        "month. An approved own forecast replaces the method's.",
    ),
    "Vuoden lopun ennuste riveittäin": ("Prognos för årets slut per rad", "Year-end forecast by row"),
    "TOT": ("UTF", "Actual"),
    "Ennuste": ("Prognos", "Forecast"),
    "Menetelmä": ("Metod", "Method"),
    "Kuukausijako": ("Månadsfördelning", "Monthly split"),
    "Vaihteluväli": ("Intervall", "Range"),
    "Omat ennusteet": ("Egna prognoser", "Own forecasts"),
    "Vastuuhenkilö voi kirjoittaa rivin vuoden lopun ennusteen perusteluineen. Se kulkee kommentin "
    "tavoin luonnoksesta tarkastettavaksi ja hyväksytyksi; vasta hyväksytty ennuste näkyy lukijoille "
    "ja raporteissa. Kirjoita summa kuten taulukossa: kulut miinusmerkkisinä.": (
        "Den ansvariga kan skriva en rads prognos för årets slut med motivering. Den går som "
        "kommentaren från utkast till granskning och godkännande; först en godkänd prognos syns för "
        "läsare och i rapporterna. Skriv beloppet som i tabellen: kostnader med minustecken.",
        "The responsible person may write a row's year-end forecast with its reason. Like the "
        "commentary it goes from draft to review to approved; only an approved forecast is shown to "
        "readers and in the reports. Write the amount as the table shows it: costs with a minus sign.",
    ),
    "Hyväksytty oma ennuste": ("Godkänd egen prognos", "Approved own forecast"),
    "tehty %(period)s": ("gjord %(period)s", "made %(period)s"),
    "kirjoittanut %(who)s, hyväksynyt %(by)s": (
        "skriven av %(who)s, godkänd av %(by)s",
        "written by %(who)s, approved by %(by)s",
    ),
    "Ei hyväksyttyä omaa ennustetta.": ("Ingen godkänd egen prognos.", "No approved own forecast."),
    "Tarkastettavana": ("Under granskning", "Under review"),
    "Ennusteluonnos tallennettu.": ("Prognosutkastet sparat.", "Forecast draft saved."),
    "Ennusteet riveittäin ja omat ennusteet": (
        "Prognoser per rad och egna prognoser",
        "Forecasts by row and own forecasts",
    ),
}
