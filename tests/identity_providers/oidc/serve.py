"""Start the test OpenID provider: migrate its own SQLite file, create its people and client, serve on loopback.

    python -m tests.identity_providers.oidc.serve PORT CONFIG_JSON

CONFIG_JSON: {"client_id", "client_secret", "redirect_uri", "people": [{"username", "password", "email",
"first_name", "last_name"}]}.
"""

import json
import os
import sys


def main(port: int, config: dict) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.identity_providers.oidc.settings"
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from oauth2_provider.models import Application

    call_command("migrate", verbosity=0)
    for person in config["people"]:
        User.objects.create_user(**person)
    Application.objects.create(
        name="Training",
        client_id=config["client_id"],
        client_secret=config["client_secret"],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=config["redirect_uri"],
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )
    from tests.identity_providers.wsgi_server import serve

    serve(get_wsgi_application(), port)


if __name__ == "__main__":
    main(int(sys.argv[1]), json.loads(sys.argv[2]))
