"""A mail relay for the tests: aiosmtpd's SMTP server with a handler that keeps every mail in
a Maildir (one file each, as it arrived) and refuses recipients at `bounce.invalid` for good
(550), as a relay does for an address that does not exist.

    python -m aiosmtpd -n -l 127.0.0.1:PORT -c relay.Relay MAILDIR   (PYTHONPATH=tests/smtp)
"""

import mailbox
import os


class Relay:
    def __init__(self, path):
        for sub in ("tmp", "new", "cur"):
            os.makedirs(os.path.join(path, sub), exist_ok=True)
        self.box = mailbox.Maildir(path, create=False)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("relay.Relay takes the Maildir's path")
        return cls(args[0])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().endswith("@bounce.invalid"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.box.add(mailbox.MaildirMessage(envelope.original_content or envelope.content))
        return "250 Message accepted for delivery"
