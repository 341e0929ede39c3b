"""URLs of the dashboard (Finnish paths: the users' own words)."""

from django.contrib.auth import views as auth_views
from django.urls import include, path, register_converter

from toteuma.web import (
    dashboard_views,
    errors,
    followup_views,
    forecast_views,
    import_views,
    report_views,
    workflow_views,
)

handler500 = errors.server_error


class IdConverter:
    """A database id: at most 18 digits, so that a longer number is 404, never an overflow (500)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")

urlpatterns = [
    path("", dashboard_views.overview, name="overview"),
    path(
        "kirjaudu/",
        auth_views.LoginView.as_view(template_name="web/login.html", redirect_authenticated_user=True),
        name="login",
    ),
    path("ulos/", auth_views.LogoutView.as_view(), name="logout"),
    path("yksikko/<str:code>/", dashboard_views.unit, name="unit"),
    path("yksikko/<str:code>/teksti/", workflow_views.save, name="save-text"),
    path("yksikko/<str:code>/tila/", workflow_views.move, name="move-text"),
    path("yksikko/<str:code>/ennusteet/", forecast_views.forecasts, name="forecasts"),
    path("yksikko/<str:code>/ennusteet/tallenna/", forecast_views.save, name="save-forecast"),
    path("yksikko/<str:code>/ennusteet/tila/", forecast_views.move, name="move-forecast"),
    path("halytykset/", forecast_views.alerts, name="alerts"),
    path("porautuminen/<str:code>/<str:row>/<str:column>/", dashboard_views.drill_cell, name="drill"),
    path("porautuminen/<str:code>/<str:row>/<str:column>/rivit/", dashboard_views.drill_lines, name="lines"),
    path(
        "porautuminen/<str:code>/<str:row>/<str:column>/rivit.csv",
        dashboard_views.drill_csv,
        name="lines-csv",
    ),
    path("tavoite/<id:goal_id>/", followup_views.goal, name="goal"),
    path("investoinnit/<str:code>/", followup_views.investments, name="investments"),
    path("muutokset/<str:code>/", followup_views.amendments, name="amendments"),
    path("hankkeet/", followup_views.projects, name="projects"),
    path("hanke/<str:project>/rivit/", followup_views.project_lines, name="project-lines"),
    path("saapuneet/", followup_views.waiting, name="inbox"),
    path("saapuneet/kierros/", followup_views.open_round, name="open-round"),
    path("tuonnit/", import_views.batches, name="imports"),
    path("tuonnit/lataa/", import_views.upload, name="upload"),
    path("tuonnit/vahvista/", import_views.confirm, name="confirm-import"),
    path("tuonnit/<id:batch_id>/peru/", import_views.rollback, name="rollback"),
    path("raportit/", report_views.reports, name="reports"),
    path("loki/", workflow_views.audit, name="audit"),
    path("i18n/", include("django.conf.urls.i18n")),
]
