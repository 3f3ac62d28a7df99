# The admin page (/admin/).

admin-title = Schalter – Verwaltung
admin-sign-in = Anmelden
admin-token-hint =
    Geben Sie ein API-Token ein.
    Oder das alte SCHALTER_ADMIN_TOKEN.
    Das Token bleibt nur in diesem Browser-Tab.
admin-sign-in-button = Anmelden
admin-translations = Übersetzungen
admin-locale = Sprache
admin-messages = Texte
admin-complete = Vollständig
admin-missing = Fehlt
admin-edit = Text ändern
admin-message = Text
admin-reference = Deutsche Vorlage:
admin-sample-vars = Beispiel-Werte für die Vorschau (JSON):
admin-save = Speichern
admin-preview = Vorschau:
admin-history = Frühere Fassungen
admin-restore = Diese Fassung nehmen
admin-from-file = (aus der Datei)
admin-saved = Gespeichert. Der Text gilt ab jetzt.
admin-catalogue = Dienste-Katalog
admin-save-catalogue = Katalog speichern
admin-waiting-room = Warte-Raum
admin-queue-summary = { $waiting } wartend · { $calls } im Gespräch · { $clerks } im Dienst
admin-col-reference = Buchungs-Nummer
admin-col-service = Dienst
admin-col-lang = Sprache
admin-col-waited = Wartet seit
admin-col-expected = Erwartet
admin-walk-in = ohne Termin
admin-chart-title = Warte-Zeiten heute (Minuten)
admin-payments = Zahlungen
admin-col-day = Tag
admin-col-paid = Bezahlt (ohne Rück-Zahlungen)

# Search, one message in every language, translations to review.
admin-search-title = Texte suchen
admin-search-hint = Kennung oder Wörter aus dem Text (jede Sprache)
admin-search-button = Suchen
admin-show-to-review = Alle Übersetzungen zum Prüfen zeigen
admin-search-none = Nichts gefunden.
admin-search-more =
    Es gibt { $total } Treffer.
    Hier stehen die ersten { $shown } Treffer.
    Bitte suchen Sie genauer.
admin-col-id = Kennung
admin-col-file = Datei
admin-col-texts = Texte
admin-col-state = Stand
admin-side-by-side = Alle Sprachen nebeneinander
admin-state-reference = Vorlage
admin-state-reviewed = Geprüft
admin-state-to-review = Bitte prüfen
admin-state-missing = Fehlt
admin-to-review-hint =
    Jemand hat die deutsche Vorlage geändert.
    Diese Übersetzung ist von vorher.
    Bitte prüfen Sie: Passt die Übersetzung noch?
    Wenn ja: Bitte bestätigen Sie die Übersetzung.
    Wenn nein: Bitte ändern Sie die Übersetzung.
admin-reviewed-reference = Die deutsche Vorlage bei der letzten Prüfung:
admin-confirm = Passt noch – bestätigen
admin-confirmed = Bestätigt. Die Übersetzung ist jetzt geprüft.
admin-open = Ändern
admin-role-translator = Übersetzung
admin-role-catalogue-editor = Dienste-Katalog
admin-role-queue-supervisor = Warte-Schlange
admin-role-data-protection = Daten-Schutz
admin-role-operator = IT-Betrieb
admin-forbidden-role =
    Mit Ihrer Rolle dürfen Sie das nicht.
    Dafür brauchen Sie diese Rolle: { $role }.
admin-forbidden-locale =
    Texte in { $language } dürfen Sie nicht ändern.
    Mit Ihrer Rolle dürfen Sie andere Sprachen ändern.
admin-forbidden-token =
    Mit einem API-Token können Sie keine neuen API-Tokens machen.
    Bitte melden Sie sich selbst an.
admin-forbidden-more-than-own = Ein Token darf nicht mehr Rechte haben als Sie selbst.
admin-forbidden-not-yours =
    Sie dürfen dieses Token nicht widerrufen.
    Das darf nur der IT-Betrieb.
    Oder die Person, die das Token gemacht hat.
admin-sign-out = Abmelden
admin-signed-out = Sie sind abgemeldet.
admin-signed-in = Angemeldet als { $name }.
admin-continue = Weiter zur Verwaltung
admin-login-again = Noch einmal anmelden
admin-login-name = Name
admin-login-password = Passwort
admin-login-missing = Bitte geben Sie Ihren Namen und Ihr Passwort ein.
admin-login-wrong = Der Name oder das Passwort ist falsch.
admin-login-locked = { $minutes ->
    [one] Sie haben zu oft ein falsches Passwort eingegeben.
        Bitte versuchen Sie es in 1 Minute wieder.
        Oder bitten Sie den IT-Betrieb um ein neues Passwort.
   *[other] Sie haben zu oft ein falsches Passwort eingegeben.
        Bitte versuchen Sie es in { $minutes } Minuten wieder.
        Oder bitten Sie den IT-Betrieb um ein neues Passwort.
}
admin-login-slow-down =
    Sie haben es zu oft versucht.
    Bitte warten Sie 1 Minute.
    Dann versuchen Sie es wieder.
admin-login-failed =
    Die Anmeldung hat nicht geklappt.
    Der Fehler liegt bei uns.
    Bitte versuchen Sie es später noch einmal.
admin-login-provider-down =
    Der Anmelde-Dienst geht gerade nicht.
    Bitte versuchen Sie es in ein paar Minuten noch einmal.
admin-login-expired =
    Diese Anmeldung gilt nicht mehr.
    Sie ist zu alt oder schon benutzt.
    Bitte fangen Sie neu an.
admin-login-refused =
    Die Anmeldung wurde abgelehnt.
    Bitte versuchen Sie es noch einmal.
    Passiert das wieder? Dann sagen Sie es Ihrer IT.
admin-login-no-role =
    Sie sind angemeldet.
    Aber Sie haben keine Rolle in dieser Verwaltung.
    Bitte fragen Sie Ihre IT nach einer Rolle.
admin-login-no-provider =
    Dieses Amt hat keinen Anmelde-Dienst.
    Bitte melden Sie sich mit Ihrem Mitarbeiter-Konto an.
admin-login-use-provider =
    In diesem Amt melden sich Mitarbeitende über den Anmelde-Dienst an.
    Bitte klicken Sie auf den Knopf zum Anmelden.
admin-login-cross-site =
    Abgelehnt: Diese Anfrage kam nicht von der Verwaltungs-Seite.
    Bitte öffnen Sie die Verwaltungs-Seite.
    Dann versuchen Sie es noch einmal.
admin-signin-link = Mit Ihrem Konto anmelden
admin-token-alternative = Oder ein API-Token benutzen:
admin-you = Angemeldet als { $name } · { $roles }
admin-audit = Protokoll
admin-audit-export-json = Als JSON-Datei speichern
admin-audit-export-csv = Als CSV-Datei speichern
admin-col-when = Wann
admin-col-who = Wer
admin-col-action = Was
admin-col-target = Woran
admin-erase-title = Daten von einer Bürgerin oder einem Bürger löschen
admin-erase-hint =
    Das ist wie /forget.
    Wir sagen alle Termine in der Zukunft ab.
    Wir löschen alles, was zu der Unterhaltung gespeichert ist.
    Geben Sie die Unterhaltung so ein: Kanal:Kennung
    Zum Beispiel: telegram:12345
admin-erase-label = Unterhaltung
admin-erase-button = Löschen
admin-erased = Gelöscht. Abgesagte Termine: { $bookings }.
admin-tokens = API-Tokens
admin-tokens-hint =
    Tokens sind für Skripte und Übersetzungs-Programme.
    Ein Token hat höchstens Ihre Rollen.
    Sie sehen das Token nur 1 Mal: beim Erstellen.
admin-token-name = Name
admin-token-days = Gültig für (Tage)
admin-token-create = Token erstellen
admin-token-created =
    Das ist Ihr neues Token.
    Bitte kopieren Sie es jetzt.
    Sie sehen es nur dieses 1 Mal.
admin-token-revoke = Widerrufen
admin-token-revoked = widerrufen
admin-col-roles = Rollen
admin-col-made-by = Erstellt von
admin-col-expires = Gültig bis
admin-col-last-used = Zuletzt benutzt
admin-never = nie

# Documents citizens sent: counts and sizes per day, never the files.
admin-documents = Dokumente
admin-documents-hint =
    Hier sehen Sie: So viele Dateien haben Bürgerinnen und Bürger pro Tag geschickt.
    Und so groß waren die Dateien.
    Die Dateien selbst sehen Sie hier nicht.
admin-documents-caption = Geschickte Dateien pro Tag (die letzten 14 Tage)
admin-col-files-kept = Gespeicherte Dateien
admin-col-size-kept = Größe von den gespeicherten Dateien
admin-col-refused = Abgelehnt
admin-documents-none = In den letzten 14 Tagen kamen keine Dokumente.
admin-documents-bad-days = Tage (days): Bitte nehmen Sie eine ganze Zahl von 1 bis 90.
