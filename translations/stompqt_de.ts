<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConnectionPanel</name>
    <message>
        <source>The broker&apos;s host name %1 could not be found. Check the URL.</source>
        <translation>Der Hostname %1 des Brokers wurde nicht gefunden. Bitte die URL prüfen.</translation>
    </message>
    <message>
        <source>Nothing accepts connections at %1. Is the broker running, with STOMP enabled on that port?</source>
        <translation>Unter %1 nimmt niemand Verbindungen an. Läuft der Broker, und ist STOMP auf diesem Port aktiviert?</translation>
    </message>
    <message>
        <source>The broker closed the connection.</source>
        <translation>Der Broker hat die Verbindung geschlossen.</translation>
    </message>
    <message>
        <source>The broker at %1 did not answer in time.</source>
        <translation>Der Broker unter %1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The secure (TLS) connection could not be established.</source>
        <translation>Die sichere (TLS-)Verbindung konnte nicht aufgebaut werden.</translation>
    </message>
    <message>
        <source>The network connection failed.</source>
        <translation>Die Netzwerkverbindung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The server does not speak STOMP on this port, or sent something invalid.</source>
        <translation>Der Server spricht auf diesem Port kein STOMP oder hat Ungültiges gesendet.</translation>
    </message>
    <message>
        <source>The broker sent a frame larger than the allowed limits; the connection was closed.</source>
        <translation>Der Broker hat einen Frame über den erlaubten Grenzen gesendet; die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <source>The broker reported an error and closed the connection.</source>
        <translation>Der Broker hat einen Fehler gemeldet und die Verbindung geschlossen.</translation>
    </message>
    <message>
        <source>The broker refused the login. Check login, passcode and virtual host.</source>
        <translation>Der Broker hat die Anmeldung abgelehnt. Bitte Benutzername, Passwort und virtuellen Host prüfen.</translation>
    </message>
    <message>
        <source>The broker stopped answering (no heart-beat); the connection was closed.</source>
        <translation>Der Broker antwortet nicht mehr (kein Heartbeat); die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <source>The broker did not confirm a frame in time.</source>
        <translation>Der Broker hat einen Frame nicht rechtzeitig bestätigt.</translation>
    </message>
    <message>
        <source>Not connected: connect to a broker first.</source>
        <translation>Nicht verbunden: zuerst mit einem Broker verbinden.</translation>
    </message>
    <message>
        <source>The frame cannot be sent with the STOMP version in use.</source>
        <translation>Der Frame kann mit der verwendeten STOMP-Version nicht gesendet werden.</translation>
    </message>
    <message>
        <source>Sending faster than the network allows; a frame was not sent.</source>
        <translation>Es wird schneller gesendet, als das Netzwerk erlaubt; ein Frame wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>The broker chose a STOMP version that was not offered.</source>
        <translation>Der Broker hat eine STOMP-Version gewählt, die nicht angeboten wurde.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Etwas ist schiefgegangen.</translation>
    </message>
    <message>
        <source>The URL is not valid. Use stomp://host:port, e.g. stomp://localhost:61613.</source>
        <translation>Die URL ist ungültig. Bitte stomp://host:port verwenden, z. B. stomp://localhost:61613.</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keins)</translation>
    </message>
    <message>
        <source>Save these settings as a profile</source>
        <translation>Diese Einstellungen als Profil speichern</translation>
    </message>
    <message>
        <source>Delete this profile</source>
        <translation>Dieses Profil löschen</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Remember passcode</source>
        <translation>Passwort merken</translation>
    </message>
    <message>
        <source>The passcode is then stored unencrypted in the settings file.</source>
        <translation>Das Passwort wird dann unverschlüsselt in der Einstellungsdatei gespeichert.</translation>
    </message>
    <message>
        <source>Virtual host</source>
        <translation>Virtueller Host</translation>
    </message>
    <message>
        <source>(the broker&apos;s default)</source>
        <translation>(Standard des Brokers)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>1.2, 1.1 or 1.0</source>
        <translation>1.2, 1.1 oder 1.0</translation>
    </message>
    <message>
        <source>1.2 only</source>
        <translation>nur 1.2</translation>
    </message>
    <message>
        <source>1.1 only</source>
        <translation>nur 1.1</translation>
    </message>
    <message>
        <source>1.0 only</source>
        <translation>nur 1.0</translation>
    </message>
    <message>
        <source>Heart-beat</source>
        <translation>Heartbeat</translation>
    </message>
    <message>
        <source>Send a heart-beat every this many seconds (0: never)</source>
        <translation>Alle so viele Sekunden einen Heartbeat senden (0: nie)</translation>
    </message>
    <message>
        <source>Expect one from the broker every this many seconds (0: never)</source>
        <translation>Alle so viele Sekunden einen vom Broker erwarten (0: nie)</translation>
    </message>
    <message>
        <source>STOMP %1 · %2</source>
        <translation>STOMP %1 · %2</translation>
    </message>
    <message>
        <source>unknown server</source>
        <translation>unbekannter Server</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Connect or disconnect (Ctrl+K)</source>
        <translation>Verbinden oder trennen (Strg+K)</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>stomp://, stomp+ssl:// (TLS), ws:// or wss:// (WebSocket); several brokers separated by commas for failover</source>
        <translation>stomp://, stomp+ssl:// (TLS), ws:// oder wss:// (WebSocket); mehrere Broker durch Kommas getrennt für Failover</translation>
    </message>
    <message>
        <source>Accept any certificate (testing only)</source>
        <translation>Jedes Zertifikat akzeptieren (nur zum Testen)</translation>
    </message>
    <message>
        <source>Skips certificate checks: anyone on the way can read and change the traffic.</source>
        <translation>Überspringt die Zertifikatsprüfung: Jeder auf dem Weg kann den Verkehr mitlesen und ändern.</translation>
    </message>
    <message>
        <source>Reconnect automatically</source>
        <translation>Automatisch neu verbinden</translation>
    </message>
    <message>
        <source>After a lost connection, try again with growing pauses; subscriptions are restored.</source>
        <translation>Nach einem Verbindungsverlust mit wachsenden Pausen erneut versuchen; Abonnements werden wiederhergestellt.</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>The TLS files cannot be used. Correct the paths or clear the fields.</source>
        <translation>Die TLS-Dateien können nicht verwendet werden. Bitte die Pfade korrigieren oder die Felder leeren.</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>(system CAs only)</source>
        <translation>(nur System-CAs)</translation>
    </message>
    <message>
        <source>PEM file with the CA certificates that signed the broker&apos;s certificate; trusted in addition to the system&apos;s</source>
        <translation>PEM-Datei mit den CA-Zertifikaten, die das Zertifikat des Brokers signiert haben; zusätzlich zu denen des Systems vertraut</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>PEM file with this client&apos;s certificate, for brokers that require one</source>
        <translation>PEM-Datei mit dem Zertifikat dieses Clients, für Broker, die eines verlangen</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>PEM file with the certificate&apos;s private key (RSA or EC, without passphrase)</source>
        <translation>PEM-Datei mit dem privaten Schlüssel des Zertifikats (RSA oder EC, ohne Passphrase)</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>StompQt Monitor – %1</source>
        <translation>StompQt-Monitor – %1</translation>
    </message>
    <message>
        <source>StompQt Monitor</source>
        <translation>StompQt-Monitor</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Monitor</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Pause or resume the list (Ctrl+P)</source>
        <translation>Liste anhalten oder fortsetzen (Strg+P)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear the list (Ctrl+L)</source>
        <translation>Liste leeren (Strg+L)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export the visible messages as JSON lines (Ctrl+E)</source>
        <translation>Die sichtbaren Nachrichten als JSON-Zeilen exportieren (Strg+E)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation>Tastenkürzel (F1)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>%L1 received · %L2 in the list · %L3 dropped</source>
        <translation>%L1 empfangen · %L2 in der Liste · %L3 verworfen</translation>
    </message>
    <message>
        <source>%L1 msg/s</source>
        <translation>%L1 Nachr./s</translation>
    </message>
    <message>
        <source>Paused: %L1 waiting</source>
        <translation>Angehalten: %L1 wartend</translation>
    </message>
    <message>
        <source>History limit</source>
        <translation>Verlaufsgrenze</translation>
    </message>
    <message>
        <source>The oldest messages are dropped beyond this many</source>
        <translation>Über diese Anzahl hinaus werden die ältesten Nachrichten verworfen</translation>
    </message>
    <message>
        <source>Export visible messages</source>
        <translation>Sichtbare Nachrichten exportieren</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) will be written as JSON lines, one {&quot;command&quot;, &quot;headers&quot;, &quot;body&quot;} object per line (body_base64 for binary bodies).</source>
        <translation>
            <numerusform>%n Nachricht wird als JSON-Zeile geschrieben, ein {&quot;command&quot;, &quot;headers&quot;, &quot;body&quot;}-Objekt pro Zeile (body_base64 bei binärem Inhalt).</numerusform>
            <numerusform>%n Nachrichten werden als JSON-Zeilen geschrieben, ein {&quot;command&quot;, &quot;headers&quot;, &quot;body&quot;}-Objekt pro Zeile (body_base64 bei binärem Inhalt).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) exported to %1.</source>
        <translation>
            <numerusform>%n Nachricht nach %1 exportiert.</numerusform>
            <numerusform>%n Nachrichten nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Connect / disconnect</source>
        <translation>Verbinden / trennen</translation>
    </message>
    <message>
        <source>New subscription</source>
        <translation>Neues Abonnement</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Nachrichten durchsuchen</translation>
    </message>
    <message>
        <source>Pause / resume the list</source>
        <translation>Liste anhalten / fortsetzen</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Select a message</source>
        <translation>Nachricht auswählen</translation>
    </message>
    <message>
        <source>Follow the newest message</source>
        <translation>Der neuesten Nachricht folgen</translation>
    </message>
    <message>
        <source>Copy the body of the selected message</source>
        <translation>Inhalt der ausgewählten Nachricht kopieren</translation>
    </message>
    <message>
        <source>Message / Send tab</source>
        <translation>Reiter Nachricht / Senden</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>This help</source>
        <translation>Diese Hilfe</translation>
    </message>
    <message>
        <source>%1 · STOMP %2 · %3</source>
        <translation>%1 · STOMP %2 · %3</translation>
    </message>
</context>
<context>
    <name>MessageDetail</name>
    <message>
        <source>(The body is not JSON.)</source>
        <translation>(Der Inhalt ist kein JSON.)</translation>
    </message>
    <message>
        <source>(Binary body: see Hex.)</source>
        <translation>(Binärer Inhalt: siehe Hex.)</translation>
    </message>
    <message>
        <source>… (shortened; Copy takes all of it)</source>
        <translation>… (gekürzt; Kopieren nimmt alles)</translation>
    </message>
    <message>
        <source>Body copied to the clipboard.</source>
        <translation>Inhalt in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Sent again to %1.</source>
        <translation>Erneut an %1 gesendet.</translation>
    </message>
    <message>
        <source>Not sent: connect first.</source>
        <translation>Nicht gesendet: zuerst verbinden.</translation>
    </message>
    <message>
        <source>Select a message to see its headers and body.</source>
        <translation>Eine Nachricht auswählen, um ihre Header und ihren Inhalt zu sehen.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>no content-type</source>
        <translation>kein content-type</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Headers copied to the clipboard.</source>
        <translation>Header in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Copy the body (Ctrl+Shift+C)</source>
        <translation>Inhalt kopieren (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>Resend to</source>
        <translation>Erneut senden an</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Send this body and its own headers to the destination</source>
        <translation>Diesen Inhalt mit seinen eigenen Headern an das Ziel senden</translation>
    </message>
</context>
<context>
    <name>MessageList</name>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>%L1 of %L2 shown</source>
        <translation>%L1 von %L2 angezeigt</translation>
    </message>
    <message>
        <source>%L1 received</source>
        <translation>%L1 empfangen</translation>
    </message>
    <message>
        <source>Following</source>
        <translation>Folgt</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <source>Keep the newest message in view (End)</source>
        <translation>Die neueste Nachricht im Blick behalten (Ende)</translation>
    </message>
    <message>
        <source>Destination (* and # wildcards)</source>
        <translation>Ziel (Platzhalter * und #)</translation>
    </message>
    <message>
        <source>Search body and headers (Ctrl+F)</source>
        <translation>Inhalt und Header durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <source>Treat the search as a regular expression</source>
        <translation>Suche als regulären Ausdruck behandeln</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Filter löschen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>First line of the body</source>
        <translation>Erste Zeile des Inhalts</translation>
    </message>
    <message>
        <source>No message matches the filter.</source>
        <translation>Keine Nachricht passt zum Filter.</translation>
    </message>
    <message>
        <source>Messages appear here as they arrive. Connect and subscribe to a destination to start.</source>
        <translation>Nachrichten erscheinen hier, sobald sie eintreffen. Zum Start verbinden und ein Ziel abonnieren.</translation>
    </message>
</context>
<context>
    <name>MonitorApp</name>
    <message>
        <source>Watch, filter and send STOMP messages.</source>
        <translation>STOMP-Nachrichten beobachten, filtern und senden.</translation>
    </message>
    <message>
        <source>Broker URL, e.g. stomp://user@localhost:61613/vhost; connects at start.</source>
        <translation>Broker-URL, z. B. stomp://user@localhost:61613/vhost; verbindet beim Start.</translation>
    </message>
    <message>
        <source>Login name.</source>
        <translation>Benutzername.</translation>
    </message>
    <message>
        <source>Passcode (or set STOMPQT_PASSCODE).</source>
        <translation>Passwort (oder STOMPQT_PASSCODE setzen).</translation>
    </message>
    <message>
        <source>Virtual host (the STOMP host header).</source>
        <translation>Virtueller Host (der STOMP-Header host).</translation>
    </message>
    <message>
        <source>Subscribe to a destination (repeatable).</source>
        <translation>Ein Ziel abonnieren (mehrfach möglich).</translation>
    </message>
    <message>
        <source>How many messages to keep (default 10000).</source>
        <translation>Wie viele Nachrichten behalten werden (Standard 10000).</translation>
    </message>
    <message>
        <source>Save the window as a PNG image after --quit-after ms (3000 by default), with the newest message selected, then quit.</source>
        <translation>Das Fenster nach --quit-after ms (Standard 3000) mit ausgewählter neuester Nachricht als PNG-Bild speichern, dann beenden.</translation>
    </message>
    <message>
        <source>Quit after this many milliseconds (after the screenshot).</source>
        <translation>Nach so vielen Millisekunden beenden (nach dem Bildschirmfoto).</translation>
    </message>
    <message>
        <source>Language: en, de or fr (default: the system&apos;s).</source>
        <translation>Sprache: en, de oder fr (Standard: die des Systems).</translation>
    </message>
    <message>
        <source>invalid --url &apos;%1&apos;</source>
        <translation>ungültige --url &apos;%1&apos;</translation>
    </message>
    <message>
        <source>CA certificates (PEM) that TLS server certificates must chain to.</source>
        <translation>CA-Zertifikate (PEM), auf die TLS-Serverzertifikate zurückgehen müssen.</translation>
    </message>
    <message>
        <source>Client certificate (PEM) for TLS.</source>
        <translation>Client-Zertifikat (PEM) für TLS.</translation>
    </message>
    <message>
        <source>Private key (PEM) of the client certificate.</source>
        <translation>Privater Schlüssel (PEM) des Client-Zertifikats.</translation>
    </message>
    <message>
        <source>--%1: cannot read &apos;%2&apos;</source>
        <translation>--%1: &apos;%2&apos; ist nicht lesbar</translation>
    </message>
    <message>
        <source>invalid --history &apos;%1&apos;</source>
        <translation>ungültiger --history-Wert &apos;%1&apos;</translation>
    </message>
    <message>
        <source>invalid --quit-after &apos;%1&apos;</source>
        <translation>ungültiger --quit-after-Wert &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unknown --lang &apos;%1&apos; (en, de or fr)</source>
        <translation>unbekannte --lang &apos;%1&apos; (en, de oder fr)</translation>
    </message>
</context>
<context>
    <name>MonitorTools</name>
    <message numerus="yes">
        <source>… %n more byte(s) not shown</source>
        <translation>
            <numerusform>… %n weiteres Byte nicht angezeigt</numerusform>
            <numerusform>… %n weitere Bytes nicht angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>Nothing to export.</source>
        <translation>Nichts zu exportieren.</translation>
    </message>
    <message>
        <source>Choose a file name first.</source>
        <translation>Zuerst einen Dateinamen wählen.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>RateChart</name>
    <message>
        <source>Rate</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>messages per second, last %1 s · now %L2/s · peak %L3/s</source>
        <translation>Nachrichten pro Sekunde, letzte %1 s · jetzt %L2/s · Spitze %L3/s</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>-%1 s</source>
        <translation>-%1 s</translation>
    </message>
    <message>
        <source>No traffic yet</source>
        <translation>Noch kein Verkehr</translation>
    </message>
    <message>
        <source>%L1/s</source>
        <translation>%L1/s</translation>
    </message>
</context>
<context>
    <name>SendPanel</name>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>after %L1 ms</source>
        <translation>nach %L1 ms</translation>
    </message>
    <message>
        <source>Transaction %1 started.</source>
        <translation>Transaktion %1 begonnen.</translation>
    </message>
    <message>
        <source>COMMIT %1</source>
        <translation>COMMIT %1</translation>
    </message>
    <message numerus="yes">
        <source>Transaction %1 aborted; %n message(s) discarded.</source>
        <translation>
            <numerusform>Transaktion %1 abgebrochen; %n Nachricht verworfen.</numerusform>
            <numerusform>Transaktion %1 abgebrochen; %n Nachrichten verworfen.</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting for receipt…</source>
        <translation>wartet auf Quittung…</translation>
    </message>
    <message>
        <source>receipt received</source>
        <translation>Quittung erhalten</translation>
    </message>
    <message>
        <source>no receipt</source>
        <translation>keine Quittung</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Inhaltstyp</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>name: value, one per line</source>
        <translation>name: wert, einer pro Zeile</translation>
    </message>
    <message>
        <source>Line %1 is not &quot;name: value&quot; and is left out.</source>
        <translation>Zeile %1 hat nicht die Form „name: wert“ und wird ausgelassen.</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Ask for a receipt</source>
        <translation>Mit Quittung</translation>
    </message>
    <message>
        <source>In transaction</source>
        <translation>In Transaktion</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send (Ctrl+Return)</source>
        <translation>Senden (Strg+Eingabe)</translation>
    </message>
    <message numerus="yes">
        <source>Transaction %1: %n message(s)</source>
        <translation>
            <numerusform>Transaktion %1: %n Nachricht</numerusform>
            <numerusform>Transaktion %1: %n Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>No transaction</source>
        <translation>Keine Transaktion</translation>
    </message>
    <message>
        <source>Begin</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sent messages and their receipts appear here.</source>
        <translation>Gesendete Nachrichten und ihre Quittungen erscheinen hier.</translation>
    </message>
</context>
<context>
    <name>StatePill</name>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>Trenne…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbinde erneut…</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
</context>
<context>
    <name>StompClient</name>
    <message>
        <source>write buffer full for %1 ms; frame not sent</source>
        <translation>Schreibpuffer seit %1 ms voll; Frame nicht gesendet</translation>
    </message>
    <message numerus="yes">
        <source>%n queued frame(s) not sent: %1</source>
        <translation>
            <numerusform>%n wartender Frame nicht gesendet: %1</numerusform>
            <numerusform>%n wartende Frames nicht gesendet: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StompClientQmlExtension</name>
    <message>
        <source>no such file</source>
        <translation>Datei nicht gefunden</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>das ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>das ist keine normale Datei</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>keine Leseberechtigung</translation>
    </message>
    <message>
        <source>larger than 1 MiB, not a PEM file</source>
        <translation>größer als 1 MiB, keine PEM-Datei</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>the CA file %1 holds no PEM certificate</source>
        <translation>die CA-Datei %1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>cannot read the CA file %1: %2</source>
        <translation>die CA-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot read the client certificate file %1: %2</source>
        <translation>die Client-Zertifikatsdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the client certificate file %1 holds no PEM certificate</source>
        <translation>die Client-Zertifikatsdatei %1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>the client key file %1 is protected by a passphrase; use an unencrypted key</source>
        <translation>die Client-Schlüsseldatei %1 ist durch eine Passphrase geschützt; bitte einen unverschlüsselten Schlüssel verwenden</translation>
    </message>
    <message>
        <source>the client key file %1 holds no RSA or EC private key in PEM form</source>
        <translation>die Client-Schlüsseldatei %1 enthält keinen privaten RSA- oder EC-Schlüssel im PEM-Format</translation>
    </message>
    <message>
        <source>cannot read the client key file %1: %2</source>
        <translation>die Client-Schlüsseldatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>a client key needs its certificate: set the client certificate file too</source>
        <translation>ein Client-Schlüssel braucht sein Zertifikat: bitte auch die Client-Zertifikatsdatei angeben</translation>
    </message>
    <message>
        <source>the client certificate needs its private key: set the client key file too</source>
        <translation>das Client-Zertifikat braucht seinen privaten Schlüssel: bitte auch die Client-Schlüsseldatei angeben</translation>
    </message>
    <message>
        <source>TLS is not available in this build of Qt</source>
        <translation>TLS ist in diesem Qt-Build nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>StompConnection</name>
    <message>
        <source>an incomplete frame got no byte for %1 ms (%2 bytes held)</source>
        <translation>ein unvollständiger Frame hat seit %1 ms kein Byte erhalten (%2 Bytes gepuffert)</translation>
    </message>
    <message>
        <source>no CONNECTED frame within %1 ms</source>
        <translation>kein CONNECTED-Frame innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>connection not established within %1 ms</source>
        <translation>Verbindung nicht innerhalb von %1 ms aufgebaut</translation>
    </message>
    <message>
        <source>%1 is not supported by this build</source>
        <translation>%1 wird von diesem Build nicht unterstützt</translation>
    </message>
    <message>
        <source>invalid frame from the server: %1</source>
        <translation>ungültiger Frame vom Server: %1</translation>
    </message>
    <message>
        <source>expected CONNECTED, got %1</source>
        <translation>CONNECTED erwartet, %1 erhalten</translation>
    </message>
    <message>
        <source>unexpected %1 frame from the server</source>
        <translation>unerwarteter %1-Frame vom Server</translation>
    </message>
    <message>
        <source>the server chose STOMP version &apos;%1&apos;, which was not offered</source>
        <translation>der Server hat die STOMP-Version &apos;%1&apos; gewählt, die nicht angeboten wurde</translation>
    </message>
    <message>
        <source>the message came over an earlier connection; the broker redelivers it</source>
        <translation>die Nachricht kam über eine frühere Verbindung; der Broker stellt sie erneut zu</translation>
    </message>
    <message>
        <source>NACK does not exist in STOMP 1.0</source>
        <translation>NACK gibt es in STOMP 1.0 nicht</translation>
    </message>
    <message>
        <source>no data from the server for %1 ms (heart-beat %2 ms)</source>
        <translation>seit %1 ms keine Daten vom Server (Heartbeat %2 ms)</translation>
    </message>
    <message>
        <source>the server took nothing for %1 ms</source>
        <translation>der Server hat %1 ms lang nichts angenommen</translation>
    </message>
    <message>
        <source>the connection was closed before it was established</source>
        <translation>die Verbindung wurde geschlossen, bevor sie aufgebaut war</translation>
    </message>
    <message>
        <source>the connection was aborted</source>
        <translation>die Verbindung wurde abgebrochen</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>der Server hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>the server took no byte for %1 ms (%2 bytes waiting)</source>
        <translation>der Server hat %1 ms lang kein Byte angenommen (%2 Bytes wartend)</translation>
    </message>
    <message>
        <source>a frame took longer than %1 ms to arrive (%2 bytes so far)</source>
        <translation>ein Frame brauchte länger als %1 ms (bisher %2 Bytes)</translation>
    </message>
    <message numerus="yes">
        <source>%n %1 frame(s) not sent: too much queued while connecting</source>
        <translation>
            <numerusform>%n %1-Frame nicht gesendet: während des Verbindungsaufbaus zu viel in der Warteschlange</numerusform>
            <numerusform>%n %1-Frames nicht gesendet: während des Verbindungsaufbaus zu viel in der Warteschlange</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n %1 frame(s) not sent: not connected</source>
        <translation>
            <numerusform>%n %1-Frame nicht gesendet: nicht verbunden</numerusform>
            <numerusform>%n %1-Frames nicht gesendet: nicht verbunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StompFrameEncoder</name>
    <message>
        <source>cannot encode %1 frame: %2</source>
        <translation>%1-Frame kann nicht kodiert werden: %2</translation>
    </message>
    <message>
        <source>invalid command</source>
        <translation>ungültiger Befehl</translation>
    </message>
    <message>
        <source>a body with NUL bytes needs a content-length header</source>
        <translation>ein Inhalt mit NUL-Bytes braucht einen content-length-Header</translation>
    </message>
    <message>
        <source>empty header name</source>
        <translation>leerer Header-Name</translation>
    </message>
    <message>
        <source>a line feed cannot be sent in this header</source>
        <translation>in diesem Header kann kein Zeilenvorschub gesendet werden</translation>
    </message>
    <message>
        <source>a carriage return cannot be sent in this header</source>
        <translation>in diesem Header kann kein Wagenrücklauf gesendet werden</translation>
    </message>
    <message>
        <source>a colon cannot be sent in this header name</source>
        <translation>in diesem Header-Namen kann kein Doppelpunkt gesendet werden</translation>
    </message>
</context>
<context>
    <name>StompFrameParser</name>
    <message>
        <source>%1 (at byte %2)</source>
        <translation>%1 (bei Byte %2)</translation>
    </message>
    <message>
        <source>incomplete frame exceeds %1 buffered bytes</source>
        <translation>unvollständiger Frame überschreitet %1 gepufferte Bytes</translation>
    </message>
    <message>
        <source>carriage return without line feed</source>
        <translation>Wagenrücklauf ohne Zeilenvorschub</translation>
    </message>
    <message>
        <source>command line longer than %1 bytes</source>
        <translation>Befehlszeile länger als %1 Bytes</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>unbekannter Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>header line longer than %1 bytes</source>
        <translation>Header-Zeile länger als %1 Bytes</translation>
    </message>
    <message>
        <source>frame exceeds %1 buffered bytes</source>
        <translation>Frame überschreitet %1 gepufferte Bytes</translation>
    </message>
    <message>
        <source>no NUL after a body of content-length %1</source>
        <translation>kein NUL nach einem Inhalt mit content-length %1</translation>
    </message>
    <message>
        <source>body exceeds the limit of %1 bytes</source>
        <translation>Inhalt überschreitet die Grenze von %1 Bytes</translation>
    </message>
    <message>
        <source>more than %1 headers</source>
        <translation>mehr als %1 Header</translation>
    </message>
    <message>
        <source>header line without &apos;:&apos;</source>
        <translation>Header-Zeile ohne &apos;:&apos;</translation>
    </message>
    <message>
        <source>empty header name</source>
        <translation>leerer Header-Name</translation>
    </message>
    <message>
        <source>undefined escape sequence in header name</source>
        <translation>undefinierte Escape-Sequenz im Header-Namen</translation>
    </message>
    <message>
        <source>undefined escape sequence in header value</source>
        <translation>undefinierte Escape-Sequenz im Header-Wert</translation>
    </message>
    <message>
        <source>invalid content-length &apos;%1&apos;</source>
        <translation>ungültige content-length &apos;%1&apos;</translation>
    </message>
    <message>
        <source>content-length %1 exceeds the limit of %2 bytes</source>
        <translation>content-length %1 überschreitet die Grenze von %2 Bytes</translation>
    </message>
</context>
<context>
    <name>StompFrameParserPrivate</name>
    <message>
        <source>more than %1 headers</source>
        <translation>mehr als %1 Header</translation>
    </message>
    <message>
        <source>header line without &apos;:&apos;</source>
        <translation>Header-Zeile ohne &apos;:&apos;</translation>
    </message>
    <message>
        <source>empty header name</source>
        <translation>leerer Header-Name</translation>
    </message>
    <message>
        <source>undefined escape sequence in header name</source>
        <translation>undefinierte Escape-Sequenz im Header-Namen</translation>
    </message>
    <message>
        <source>undefined escape sequence in header value</source>
        <translation>undefinierte Escape-Sequenz im Header-Wert</translation>
    </message>
    <message>
        <source>invalid content-length &apos;%1&apos;</source>
        <translation>ungültige content-length &apos;%1&apos;</translation>
    </message>
    <message>
        <source>content-length %1 exceeds the limit of %2 bytes</source>
        <translation>content-length %1 überschreitet die Grenze von %2 Bytes</translation>
    </message>
</context>
<context>
    <name>StompMessageModel</name>
    <message numerus="yes">
        <source>[binary, %n byte(s)]</source>
        <translation>
            <numerusform>[binär, %n Byte]</numerusform>
            <numerusform>[binär, %n Bytes]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StompPublisher</name>
    <message>
        <source>StompPublisher does not support receipts; use StompClient</source>
        <translation>StompPublisher unterstützt keine Quittungen; StompClient verwenden</translation>
    </message>
    <message>
        <source>%1 bytes of batched frames dropped: encoded for another STOMP version than the new connection&apos;s</source>
        <translation>%1 Bytes gebündelter Frames verworfen: für eine andere STOMP-Version kodiert als die der neuen Verbindung</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
</context>
<context>
    <name>StompTransport</name>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>TLS-Handshake fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>more than %1 bytes arrived over WebSocket while reading was paused</source>
        <translation>mehr als %1 Bytes kamen über WebSocket an, während das Lesen pausiert war</translation>
    </message>
    <message>
        <source>the WebSocket was closed with code %1: %2</source>
        <translation>der WebSocket wurde mit Code %1 geschlossen: %2</translation>
    </message>
</context>
<context>
    <name>SubscriptionsPanel</name>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Destination, e.g. /topic/# or /queue/orders</source>
        <translation>Ziel, z. B. /topic/# oder /queue/orders</translation>
    </message>
    <message>
        <source>Ack mode. In client modes the monitor acknowledges every message it shows.</source>
        <translation>Ack-Modus. In den Client-Modi bestätigt der Monitor jede angezeigte Nachricht.</translation>
    </message>
    <message>
        <source>Headers: name: value; …</source>
        <translation>Header: name: wert; …</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>Abonnieren</translation>
    </message>
    <message>
        <source>%L1 msgs · %2/s</source>
        <translation>%L1 Nachr. · %2/s</translation>
    </message>
    <message>
        <source>Pause this subscription (unsubscribe)</source>
        <translation>Dieses Abonnement pausieren (abbestellen)</translation>
    </message>
    <message>
        <source>Subscribe again</source>
        <translation>Wieder abonnieren</translation>
    </message>
    <message>
        <source>Unsubscribe and remove</source>
        <translation>Abbestellen und entfernen</translation>
    </message>
    <message>
        <source>No subscriptions yet. Add a destination above to see its messages.</source>
        <translation>Noch keine Abonnements. Oben ein Ziel hinzufügen, um seine Nachrichten zu sehen.</translation>
    </message>
</context>
<context>
    <name>TcpTransport</name>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>TLS-Handshake fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>WebSocketTransport</name>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>TLS-Handshake fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>more than %1 bytes arrived over WebSocket while reading was paused</source>
        <translation>mehr als %1 Bytes kamen über WebSocket an, während das Lesen pausiert war</translation>
    </message>
    <message>
        <source>the WebSocket was closed with code %1: %2</source>
        <translation>der WebSocket wurde mit Code %1 geschlossen: %2</translation>
    </message>
</context>
</TS>
