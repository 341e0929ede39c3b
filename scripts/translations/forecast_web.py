"""Issue 10's dashboard texts: own forecasts, the forecast page, the alerts page and the forecast chart."""

from __future__ import annotations

PLURALS: dict[tuple[str, str], tuple[tuple[str, str], tuple[str, str]]] = {
    ("%(n)s hälytys (%(total)s kaikkiaan)", "%(n)s hälytystä (%(total)s kaikkiaan)"): (
        ("%(n)s larm (%(total)s totalt)", "%(n)s larm (%(total)s totalt)"),
        ("%(n)s alert (%(total)s in all)", "%(n)s alerts (%(total)s in all)"),
    ),
}

T: dict[str, tuple[str, str]] = {
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
    "Ennuste on vuoden lopun arvio. Menetelmä ja jaksotuksen lähde näkyvät luvun vieressä; "
    "vaihteluväli kertoo menetelmän virheen aiempina vuosina samassa kuussa. Hyväksytty oma ennuste "
    "korvaa menetelmän ennusteen.": (
        "Prognosen är en uppskattning av årets slut. Metoden och källan till periodiseringen visas "
        "bredvid talet; intervallet visar metodens fel tidigare år i samma månad. En godkänd egen "
        "prognos ersätter metodens prognos.",
        "The forecast is an estimate of the year end. The method and the source of the budget profile "
        "are shown beside the figure; the range is the method's error in earlier years at the same "
        "month. An approved own forecast replaces the method's.",
    ),
    "Vuoden lopun ennuste riveittäin": ("Prognos för årets slut per rad", "Year-end forecast by row"),
    "TOT": ("UTF", "Actual"),
    "Ennuste": ("Prognos", "Forecast"),
    "Menetelmä": ("Metod", "Method"),
    "Jaksotus": ("Periodisering", "Budget profile"),
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
    "Ei ennusteeseen perustuvia hälytyksiä.": (
        "Inga larm som bygger på prognosen.",
        "No alerts from the forecast.",
    ),
    "Ei hälytyksiä valituilla ehdoilla.": (
        "Inga larm med de valda villkoren.",
        "No alerts for the chosen filters.",
    ),
    "Ennuste vuoden loppuun": ("Prognos till årets slut", "Forecast to the year end"),
    "Ennusteen kaavion luvut": ("Prognosdiagrammets siffror", "The forecast chart's figures"),
    "Erittely": ("Specifikation", "Breakdown"),
    "Hälytykset katsovat eteenpäin: ennuste vuoden loppuun, talousarvion kuukausijako ja koko vuoden "
    "talousarvio. Tärkein ensin: sitovan tason ennustettu ylitys vaatii talousarviomuutoksen ennen "
    "vuoden loppua.": (
        "Larmen ser framåt: prognosen till årets slut, budgetens månadsfördelning och hela årets budget. "
        "Det viktigaste först: en prognostiserad överskridning på bindningsnivån kräver en "
        "budgetändring före årets slut.",
        "The alerts look forward: the forecast to the year end, the budget's monthly split and the whole "
        "year's budget. The most important first: a binding level forecast over its appropriation needs "
        "a budget amendment before the year ends.",
    ),
    "Hälytyksiä säännöittäin": ("Larm per regel", "Alerts by rule"),
    "Kaikki hälytykset yksiköittäin": ("Alla larm per enhet", "All alerts by unit"),
    "Kaikki säännöt": ("Alla regler", "All rules"),
    "Kaikki yksiköt": ("Alla enheter", "All units"),
    "Katso erittely": ("Visa specifikationen", "See the breakdown"),
    "Luvut, euroa": ("Siffror, euro", "Figures, euros"),
    "Sääntö": ("Regel", "Rule"),
    "TA kuukausijaolla tähän mennessä": (
        "BU per månadsfördelning hittills",
        "Budget by its monthly split to date",
    ),
    "Talousarvio kuukausijaolla": ("Budget per månadsfördelning", "Budget by its monthly split"),
    "Vaje": ("Underskott", "Shortfall"),
    "Ylitys": ("Överskridning", "Excess"),
    "ennuste": ("prognos", "forecast"),
    "ennuste vuoden lopulle": ("prognos för årets slut", "year-end forecast"),
    "TA − ennuste": ("BU − prognos", "budget − forecast"),
    "Netto ennuste": ("Netto prognos", "Net forecast"),
    "Muutos kuukaudessa": ("Förändring under månaden", "Change in the month"),
    "Muutos ed. vuodesta": ("Förändring från fjolåret", "Change on last year"),
    "Ennuste, poikkeama ja muutokset koskevat nettoa (toimintakate). Poikkeama = Netto TA − netto "
    "ennuste; muutos kuukaudessa = kauden viimeisen kuukauden netto; muutos edellisestä vuodesta = "
    "Netto TOT − sama kausi edellisenä vuonna.": (
        "Prognos, avvikelse och förändringar gäller nettot (verksamhetsbidraget). Avvikelse = Netto BU − "
        "netto prognos; förändring under månaden = periodens sista månads netto; förändring från "
        "fjolåret = Netto UTF − samma period föregående år.",
        "Forecast, deviation and changes are of the net (operating margin). Deviation = net budget − net "
        "forecast; change in the month = the net of the period's last month; change on last year = net "
        "actual − the same period of the previous year.",
    ),
    "Ennuste vuoden loppuun ja muutokset": (
        "Prognos till årets slut och förändringar",
        "Forecast to the year end and changes",
    ),
}
