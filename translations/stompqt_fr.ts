<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ConnectionPanel</name>
    <message>
        <source>The broker&apos;s host name %1 could not be found. Check the URL.</source>
        <translation>Le nom d&apos;hôte %1 du broker est introuvable. Vérifiez l&apos;URL.</translation>
    </message>
    <message>
        <source>Nothing accepts connections at %1. Is the broker running, with STOMP enabled on that port?</source>
        <translation>Rien n&apos;accepte de connexion sur %1. Le broker tourne-t-il, avec STOMP activé sur ce port ?</translation>
    </message>
    <message>
        <source>The broker closed the connection.</source>
        <translation>Le broker a fermé la connexion.</translation>
    </message>
    <message>
        <source>The broker at %1 did not answer in time.</source>
        <translation>Le broker sur %1 n&apos;a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The secure (TLS) connection could not be established.</source>
        <translation>La connexion sécurisée (TLS) n&apos;a pas pu être établie.</translation>
    </message>
    <message>
        <source>The network connection failed.</source>
        <translation>La connexion réseau a échoué.</translation>
    </message>
    <message>
        <source>The server does not speak STOMP on this port, or sent something invalid.</source>
        <translation>Le serveur ne parle pas STOMP sur ce port, ou a envoyé des données invalides.</translation>
    </message>
    <message>
        <source>The broker sent a frame larger than the allowed limits; the connection was closed.</source>
        <translation>Le broker a envoyé une trame dépassant les limites autorisées ; la connexion a été fermée.</translation>
    </message>
    <message>
        <source>The broker reported an error and closed the connection.</source>
        <translation>Le broker a signalé une erreur et fermé la connexion.</translation>
    </message>
    <message>
        <source>The broker refused the login. Check login, passcode and virtual host.</source>
        <translation>Le broker a refusé l&apos;authentification. Vérifiez l&apos;identifiant, le mot de passe et l&apos;hôte virtuel.</translation>
    </message>
    <message>
        <source>The broker stopped answering (no heart-beat); the connection was closed.</source>
        <translation>Le broker ne répond plus (pas de heart-beat) ; la connexion a été fermée.</translation>
    </message>
    <message>
        <source>The broker did not confirm a frame in time.</source>
        <translation>Le broker n&apos;a pas confirmé une trame à temps.</translation>
    </message>
    <message>
        <source>Not connected: connect to a broker first.</source>
        <translation>Non connecté : connectez-vous d&apos;abord à un broker.</translation>
    </message>
    <message>
        <source>The frame cannot be sent with the STOMP version in use.</source>
        <translation>La trame ne peut pas être envoyée avec la version de STOMP utilisée.</translation>
    </message>
    <message>
        <source>Sending faster than the network allows; a frame was not sent.</source>
        <translation>Envoi plus rapide que ce que permet le réseau ; une trame n&apos;a pas été envoyée.</translation>
    </message>
    <message>
        <source>The broker chose a STOMP version that was not offered.</source>
        <translation>Le broker a choisi une version de STOMP qui n&apos;était pas proposée.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Une erreur s&apos;est produite.</translation>
    </message>
    <message>
        <source>The URL is not valid. Use stomp://host:port, e.g. stomp://localhost:61613.</source>
        <translation>L&apos;URL n&apos;est pas valide. Utilisez stomp://hôte:port, par ex. stomp://localhost:61613.</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Save these settings as a profile</source>
        <translation>Enregistrer ces paramètres comme profil</translation>
    </message>
    <message>
        <source>Delete this profile</source>
        <translation>Supprimer ce profil</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Remember passcode</source>
        <translation>Retenir le mot de passe</translation>
    </message>
    <message>
        <source>The passcode is then stored unencrypted in the settings file.</source>
        <translation>Le mot de passe est alors enregistré en clair dans le fichier de paramètres.</translation>
    </message>
    <message>
        <source>Virtual host</source>
        <translation>Hôte virtuel</translation>
    </message>
    <message>
        <source>(the broker&apos;s default)</source>
        <translation>(celui du broker par défaut)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>1.2, 1.1 or 1.0</source>
        <translation>1.2, 1.1 ou 1.0</translation>
    </message>
    <message>
        <source>1.2 only</source>
        <translation>1.2 seulement</translation>
    </message>
    <message>
        <source>1.1 only</source>
        <translation>1.1 seulement</translation>
    </message>
    <message>
        <source>1.0 only</source>
        <translation>1.0 seulement</translation>
    </message>
    <message>
        <source>Heart-beat</source>
        <translation>Heart-beat</translation>
    </message>
    <message>
        <source>Send a heart-beat every this many seconds (0: never)</source>
        <translation>Envoyer un heart-beat toutes les N secondes (0 : jamais)</translation>
    </message>
    <message>
        <source>Expect one from the broker every this many seconds (0: never)</source>
        <translation>En attendre un du broker toutes les N secondes (0 : jamais)</translation>
    </message>
    <message>
        <source>STOMP %1 · %2</source>
        <translation>STOMP %1 · %2</translation>
    </message>
    <message>
        <source>unknown server</source>
        <translation>serveur inconnu</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Connect or disconnect (Ctrl+K)</source>
        <translation>Se connecter ou se déconnecter (Ctrl+K)</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Nom du profil</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>stomp://, stomp+ssl:// (TLS), ws:// or wss:// (WebSocket); several brokers separated by commas for failover</source>
        <translation>stomp://, stomp+ssl:// (TLS), ws:// ou wss:// (WebSocket) ; plusieurs brokers séparés par des virgules pour le basculement</translation>
    </message>
    <message>
        <source>Accept any certificate (testing only)</source>
        <translation>Accepter tout certificat (tests uniquement)</translation>
    </message>
    <message>
        <source>Skips certificate checks: anyone on the way can read and change the traffic.</source>
        <translation>Ignore la vérification des certificats : n&apos;importe qui sur le trajet peut lire et modifier le trafic.</translation>
    </message>
    <message>
        <source>Reconnect automatically</source>
        <translation>Reconnexion automatique</translation>
    </message>
    <message>
        <source>After a lost connection, try again with growing pauses; subscriptions are restored.</source>
        <translation>Après une perte de connexion, réessayer avec des pauses croissantes ; les abonnements sont rétablis.</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>The TLS files cannot be used. Correct the paths or clear the fields.</source>
        <translation>Les fichiers TLS ne peuvent pas être utilisés. Corrigez les chemins ou videz les champs.</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Fichier CA</translation>
    </message>
    <message>
        <source>(system CAs only)</source>
        <translation>(CA du système uniquement)</translation>
    </message>
    <message>
        <source>PEM file with the CA certificates that signed the broker&apos;s certificate; trusted in addition to the system&apos;s</source>
        <translation>Fichier PEM contenant les certificats CA qui ont signé le certificat du broker ; approuvés en plus de ceux du système</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Certificat client</translation>
    </message>
    <message>
        <source>PEM file with this client&apos;s certificate, for brokers that require one</source>
        <translation>Fichier PEM contenant le certificat de ce client, pour les brokers qui en exigent un</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Clé client</translation>
    </message>
    <message>
        <source>PEM file with the certificate&apos;s private key (RSA or EC, without passphrase)</source>
        <translation>Fichier PEM contenant la clé privée du certificat (RSA ou EC, sans phrase secrète)</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>StompQt Monitor – %1</source>
        <translation>Moniteur StompQt – %1</translation>
    </message>
    <message>
        <source>StompQt Monitor</source>
        <translation>Moniteur StompQt</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Moniteur</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause or resume the list (Ctrl+P)</source>
        <translation>Mettre la liste en pause ou la reprendre (Ctrl+P)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <source>Clear the list (Ctrl+L)</source>
        <translation>Vider la liste (Ctrl+L)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Export the visible messages as JSON lines (Ctrl+E)</source>
        <translation>Exporter les messages visibles en lignes JSON (Ctrl+E)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (F1)</source>
        <translation>Raccourcis clavier (F1)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>%L1 received · %L2 in the list · %L3 dropped</source>
        <translation>%L1 reçus · %L2 dans la liste · %L3 écartés</translation>
    </message>
    <message>
        <source>%L1 msg/s</source>
        <translation>%L1 msg/s</translation>
    </message>
    <message>
        <source>Paused: %L1 waiting</source>
        <translation>En pause : %L1 en attente</translation>
    </message>
    <message>
        <source>History limit</source>
        <translation>Limite d&apos;historique</translation>
    </message>
    <message>
        <source>The oldest messages are dropped beyond this many</source>
        <translation>Au-delà de ce nombre, les messages les plus anciens sont écartés</translation>
    </message>
    <message>
        <source>Export visible messages</source>
        <translation>Exporter les messages visibles</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) will be written as JSON lines, one {&quot;command&quot;, &quot;headers&quot;, &quot;body&quot;} object per line (body_base64 for binary bodies).</source>
        <translation>
            <numerusform>%n message sera écrit en lignes JSON, un objet {&quot;command&quot;, &quot;headers&quot;, &quot;body&quot;} par ligne (body_base64 pour les corps binaires).</numerusform>
            <numerusform>%n messages seront écrits en lignes JSON, un objet {&quot;command&quot;, &quot;headers&quot;, &quot;body&quot;} par ligne (body_base64 pour les corps binaires).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) exported to %1.</source>
        <translation>
            <numerusform>%n message exporté vers %1.</numerusform>
            <numerusform>%n messages exportés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Connect / disconnect</source>
        <translation>Se connecter / se déconnecter</translation>
    </message>
    <message>
        <source>New subscription</source>
        <translation>Nouvel abonnement</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Rechercher dans les messages</translation>
    </message>
    <message>
        <source>Pause / resume the list</source>
        <translation>Mettre la liste en pause / la reprendre</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>Vider la liste</translation>
    </message>
    <message>
        <source>Select a message</source>
        <translation>Sélectionner un message</translation>
    </message>
    <message>
        <source>Follow the newest message</source>
        <translation>Suivre le message le plus récent</translation>
    </message>
    <message>
        <source>Copy the body of the selected message</source>
        <translation>Copier le corps du message sélectionné</translation>
    </message>
    <message>
        <source>Message / Send tab</source>
        <translation>Onglet Message / Envoyer</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>This help</source>
        <translation>Cette aide</translation>
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
        <translation>(Le corps n&apos;est pas du JSON.)</translation>
    </message>
    <message>
        <source>(Binary body: see Hex.)</source>
        <translation>(Corps binaire : voir Hex.)</translation>
    </message>
    <message>
        <source>… (shortened; Copy takes all of it)</source>
        <translation>… (tronqué ; Copier prend tout)</translation>
    </message>
    <message>
        <source>Body copied to the clipboard.</source>
        <translation>Corps copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Sent again to %1.</source>
        <translation>Renvoyé à %1.</translation>
    </message>
    <message>
        <source>Not sent: connect first.</source>
        <translation>Non envoyé : connectez-vous d&apos;abord.</translation>
    </message>
    <message>
        <source>Select a message to see its headers and body.</source>
        <translation>Sélectionnez un message pour voir ses en-têtes et son corps.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>no content-type</source>
        <translation>pas de content-type</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>En-têtes</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Headers copied to the clipboard.</source>
        <translation>En-têtes copiés dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
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
        <translation>Copier le corps (Ctrl+Maj+C)</translation>
    </message>
    <message>
        <source>Resend to</source>
        <translation>Renvoyer à</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <source>Send this body and its own headers to the destination</source>
        <translation>Envoyer ce corps avec ses propres en-têtes à la destination</translation>
    </message>
</context>
<context>
    <name>MessageList</name>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>%L1 of %L2 shown</source>
        <translation>%L1 sur %L2 affichés</translation>
    </message>
    <message>
        <source>%L1 received</source>
        <translation>%L1 reçus</translation>
    </message>
    <message>
        <source>Following</source>
        <translation>Suivi actif</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Suivre</translation>
    </message>
    <message>
        <source>Keep the newest message in view (End)</source>
        <translation>Garder le message le plus récent visible (Fin)</translation>
    </message>
    <message>
        <source>Destination (* and # wildcards)</source>
        <translation>Destination (jokers * et #)</translation>
    </message>
    <message>
        <source>Search body and headers (Ctrl+F)</source>
        <translation>Rechercher dans le corps et les en-têtes (Ctrl+F)</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <source>Treat the search as a regular expression</source>
        <translation>Traiter la recherche comme une expression régulière</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Effacer le filtre</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>First line of the body</source>
        <translation>Première ligne du corps</translation>
    </message>
    <message>
        <source>No message matches the filter.</source>
        <translation>Aucun message ne correspond au filtre.</translation>
    </message>
    <message>
        <source>Messages appear here as they arrive. Connect and subscribe to a destination to start.</source>
        <translation>Les messages apparaissent ici dès leur arrivée. Pour commencer, connectez-vous et abonnez-vous à une destination.</translation>
    </message>
</context>
<context>
    <name>MonitorApp</name>
    <message>
        <source>Watch, filter and send STOMP messages.</source>
        <translation>Observer, filtrer et envoyer des messages STOMP.</translation>
    </message>
    <message>
        <source>Broker URL, e.g. stomp://user@localhost:61613/vhost; connects at start.</source>
        <translation>URL du broker, par ex. stomp://user@localhost:61613/vhost ; se connecte au démarrage.</translation>
    </message>
    <message>
        <source>Login name.</source>
        <translation>Identifiant.</translation>
    </message>
    <message>
        <source>Passcode (or set STOMPQT_PASSCODE).</source>
        <translation>Mot de passe (ou définir STOMPQT_PASSCODE).</translation>
    </message>
    <message>
        <source>Virtual host (the STOMP host header).</source>
        <translation>Hôte virtuel (l&apos;en-tête STOMP host).</translation>
    </message>
    <message>
        <source>Subscribe to a destination (repeatable).</source>
        <translation>S&apos;abonner à une destination (répétable).</translation>
    </message>
    <message>
        <source>How many messages to keep (default 10000).</source>
        <translation>Nombre de messages à conserver (10000 par défaut).</translation>
    </message>
    <message>
        <source>Save the window as a PNG image after --quit-after ms (3000 by default), with the newest message selected, then quit.</source>
        <translation>Enregistrer la fenêtre en image PNG après --quit-after ms (3000 par défaut), le message le plus récent sélectionné, puis quitter.</translation>
    </message>
    <message>
        <source>Quit after this many milliseconds (after the screenshot).</source>
        <translation>Quitter après ce nombre de millisecondes (après la capture d&apos;écran).</translation>
    </message>
    <message>
        <source>Language: en, de or fr (default: the system&apos;s).</source>
        <translation>Langue : en, de ou fr (par défaut : celle du système).</translation>
    </message>
    <message>
        <source>invalid --url &apos;%1&apos;</source>
        <translation>--url &apos;%1&apos; invalide</translation>
    </message>
    <message>
        <source>CA certificates (PEM) that TLS server certificates must chain to.</source>
        <translation>Certificats d&apos;AC (PEM) auxquels les certificats TLS du serveur doivent remonter.</translation>
    </message>
    <message>
        <source>Client certificate (PEM) for TLS.</source>
        <translation>Certificat client (PEM) pour TLS.</translation>
    </message>
    <message>
        <source>Private key (PEM) of the client certificate.</source>
        <translation>Clé privée (PEM) du certificat client.</translation>
    </message>
    <message>
        <source>--%1: cannot read &apos;%2&apos;</source>
        <translation>--%1 : impossible de lire « %2 »</translation>
    </message>
    <message>
        <source>invalid --history &apos;%1&apos;</source>
        <translation>--history &apos;%1&apos; invalide</translation>
    </message>
    <message>
        <source>invalid --quit-after &apos;%1&apos;</source>
        <translation>--quit-after &apos;%1&apos; invalide</translation>
    </message>
    <message>
        <source>unknown --lang &apos;%1&apos; (en, de or fr)</source>
        <translation>--lang &apos;%1&apos; inconnu (en, de ou fr)</translation>
    </message>
</context>
<context>
    <name>MonitorTools</name>
    <message numerus="yes">
        <source>… %n more byte(s) not shown</source>
        <translation>
            <numerusform>… %n octet de plus non affiché</numerusform>
            <numerusform>… %n octets de plus non affichés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n octet</numerusform>
            <numerusform>%n octets</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 Kio</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 Mio</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 o</translation>
    </message>
    <message>
        <source>Nothing to export.</source>
        <translation>Rien à exporter.</translation>
    </message>
    <message>
        <source>Choose a file name first.</source>
        <translation>Choisissez d&apos;abord un nom de fichier.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>RateChart</name>
    <message>
        <source>Rate</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>messages per second, last %1 s · now %L2/s · peak %L3/s</source>
        <translation>messages par seconde, dernières %1 s · actuel %L2/s · pic %L3/s</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>-%1 s</source>
        <translation>-%1 s</translation>
    </message>
    <message>
        <source>No traffic yet</source>
        <translation>Pas encore de trafic</translation>
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
        <translation>dans %1</translation>
    </message>
    <message>
        <source>after %L1 ms</source>
        <translation>après %L1 ms</translation>
    </message>
    <message>
        <source>Transaction %1 started.</source>
        <translation>Transaction %1 commencée.</translation>
    </message>
    <message>
        <source>COMMIT %1</source>
        <translation>COMMIT %1</translation>
    </message>
    <message numerus="yes">
        <source>Transaction %1 aborted; %n message(s) discarded.</source>
        <translation>
            <numerusform>Transaction %1 annulée ; %n message abandonné.</numerusform>
            <numerusform>Transaction %1 annulée ; %n messages abandonnés.</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting for receipt…</source>
        <translation>en attente d&apos;accusé…</translation>
    </message>
    <message>
        <source>receipt received</source>
        <translation>accusé reçu</translation>
    </message>
    <message>
        <source>no receipt</source>
        <translation>pas d&apos;accusé</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Type de contenu</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>En-têtes</translation>
    </message>
    <message>
        <source>name: value, one per line</source>
        <translation>nom: valeur, un par ligne</translation>
    </message>
    <message>
        <source>Line %1 is not &quot;name: value&quot; and is left out.</source>
        <translation>La ligne %1 n&apos;est pas de la forme « nom: valeur » et est ignorée.</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
    <message>
        <source>Ask for a receipt</source>
        <translation>Avec accusé</translation>
    </message>
    <message>
        <source>In transaction</source>
        <translation>En transaction</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send (Ctrl+Return)</source>
        <translation>Envoyer (Ctrl+Entrée)</translation>
    </message>
    <message numerus="yes">
        <source>Transaction %1: %n message(s)</source>
        <translation>
            <numerusform>Transaction %1 : %n message</numerusform>
            <numerusform>Transaction %1 : %n messages</numerusform>
        </translation>
    </message>
    <message>
        <source>No transaction</source>
        <translation>Aucune transaction</translation>
    </message>
    <message>
        <source>Begin</source>
        <translation>Commencer</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Valider</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Sent messages and their receipts appear here.</source>
        <translation>Les messages envoyés et leurs accusés apparaissent ici.</translation>
    </message>
</context>
<context>
    <name>StatePill</name>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>Déconnexion…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>Échec de la connexion</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
</context>
<context>
    <name>StompClient</name>
    <message>
        <source>write buffer full for %1 ms; frame not sent</source>
        <translation>tampon d&apos;écriture plein depuis %1 ms ; trame non envoyée</translation>
    </message>
    <message numerus="yes">
        <source>%n queued frame(s) not sent: %1</source>
        <translation>
            <numerusform>%n trame en attente non envoyée : %1</numerusform>
            <numerusform>%n trames en attente non envoyées : %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StompClientQmlExtension</name>
    <message>
        <source>no such file</source>
        <translation>fichier introuvable</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>c&apos;est un dossier, pas un fichier</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>ce n&apos;est pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission refusée</translation>
    </message>
    <message>
        <source>larger than 1 MiB, not a PEM file</source>
        <translation>plus de 1 Mio, pas un fichier PEM</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>the CA file %1 holds no PEM certificate</source>
        <translation>le fichier CA %1 ne contient aucun certificat PEM</translation>
    </message>
    <message>
        <source>cannot read the CA file %1: %2</source>
        <translation>impossible de lire le fichier CA %1 : %2</translation>
    </message>
    <message>
        <source>cannot read the client certificate file %1: %2</source>
        <translation>impossible de lire le fichier de certificat client %1 : %2</translation>
    </message>
    <message>
        <source>the client certificate file %1 holds no PEM certificate</source>
        <translation>le fichier de certificat client %1 ne contient aucun certificat PEM</translation>
    </message>
    <message>
        <source>the client key file %1 is protected by a passphrase; use an unencrypted key</source>
        <translation>le fichier de clé client %1 est protégé par une phrase secrète ; utilisez une clé non chiffrée</translation>
    </message>
    <message>
        <source>the client key file %1 holds no RSA or EC private key in PEM form</source>
        <translation>le fichier de clé client %1 ne contient aucune clé privée RSA ou EC au format PEM</translation>
    </message>
    <message>
        <source>cannot read the client key file %1: %2</source>
        <translation>impossible de lire le fichier de clé client %1 : %2</translation>
    </message>
    <message>
        <source>a client key needs its certificate: set the client certificate file too</source>
        <translation>une clé client a besoin de son certificat : indiquez aussi le fichier de certificat client</translation>
    </message>
    <message>
        <source>the client certificate needs its private key: set the client key file too</source>
        <translation>le certificat client a besoin de sa clé privée : indiquez aussi le fichier de clé client</translation>
    </message>
    <message>
        <source>TLS is not available in this build of Qt</source>
        <translation>TLS n&apos;est pas disponible dans cette version de Qt</translation>
    </message>
</context>
<context>
    <name>StompConnection</name>
    <message>
        <source>an incomplete frame got no byte for %1 ms (%2 bytes held)</source>
        <translation>une trame incomplète n&apos;a reçu aucun octet depuis %1 ms (%2 octets en attente)</translation>
    </message>
    <message>
        <source>no CONNECTED frame within %1 ms</source>
        <translation>pas de trame CONNECTED en %1 ms</translation>
    </message>
    <message>
        <source>connection not established within %1 ms</source>
        <translation>connexion non établie en %1 ms</translation>
    </message>
    <message>
        <source>%1 is not supported by this build</source>
        <translation>%1 n&apos;est pas pris en charge par cette version</translation>
    </message>
    <message>
        <source>invalid frame from the server: %1</source>
        <translation>trame invalide reçue du serveur : %1</translation>
    </message>
    <message>
        <source>expected CONNECTED, got %1</source>
        <translation>CONNECTED attendu, %1 reçu</translation>
    </message>
    <message>
        <source>unexpected %1 frame from the server</source>
        <translation>trame %1 inattendue de la part du serveur</translation>
    </message>
    <message>
        <source>the server chose STOMP version &apos;%1&apos;, which was not offered</source>
        <translation>le serveur a choisi la version STOMP &apos;%1&apos;, qui n&apos;était pas proposée</translation>
    </message>
    <message>
        <source>the message came over an earlier connection; the broker redelivers it</source>
        <translation>le message est arrivé par une connexion précédente ; le broker le redistribue</translation>
    </message>
    <message>
        <source>NACK does not exist in STOMP 1.0</source>
        <translation>NACK n&apos;existe pas en STOMP 1.0</translation>
    </message>
    <message>
        <source>no data from the server for %1 ms (heart-beat %2 ms)</source>
        <translation>aucune donnée du serveur depuis %1 ms (heart-beat %2 ms)</translation>
    </message>
    <message>
        <source>the server took nothing for %1 ms</source>
        <translation>le serveur n&apos;a rien accepté pendant %1 ms</translation>
    </message>
    <message>
        <source>the connection was closed before it was established</source>
        <translation>la connexion a été fermée avant d&apos;être établie</translation>
    </message>
    <message>
        <source>the connection was aborted</source>
        <translation>la connexion a été interrompue</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>le serveur a fermé la connexion</translation>
    </message>
    <message>
        <source>the server took no byte for %1 ms (%2 bytes waiting)</source>
        <translation>le serveur n&apos;a accepté aucun octet pendant %1 ms (%2 octets en attente)</translation>
    </message>
    <message>
        <source>a frame took longer than %1 ms to arrive (%2 bytes so far)</source>
        <translation>une trame a mis plus de %1 ms à arriver (%2 octets jusqu&apos;ici)</translation>
    </message>
    <message numerus="yes">
        <source>%n %1 frame(s) not sent: too much queued while connecting</source>
        <translation>
            <numerusform>%n trame %1 non envoyée : trop de trames en attente pendant la connexion</numerusform>
            <numerusform>%n trames %1 non envoyées : trop de trames en attente pendant la connexion</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n %1 frame(s) not sent: not connected</source>
        <translation>
            <numerusform>%n trame %1 non envoyée : non connecté</numerusform>
            <numerusform>%n trames %1 non envoyées : non connecté</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StompFrameEncoder</name>
    <message>
        <source>cannot encode %1 frame: %2</source>
        <translation>impossible d&apos;encoder la trame %1 : %2</translation>
    </message>
    <message>
        <source>invalid command</source>
        <translation>commande invalide</translation>
    </message>
    <message>
        <source>a body with NUL bytes needs a content-length header</source>
        <translation>un corps contenant des octets NUL nécessite un en-tête content-length</translation>
    </message>
    <message>
        <source>empty header name</source>
        <translation>nom d&apos;en-tête vide</translation>
    </message>
    <message>
        <source>a line feed cannot be sent in this header</source>
        <translation>un saut de ligne ne peut pas être envoyé dans cet en-tête</translation>
    </message>
    <message>
        <source>a carriage return cannot be sent in this header</source>
        <translation>un retour chariot ne peut pas être envoyé dans cet en-tête</translation>
    </message>
    <message>
        <source>a colon cannot be sent in this header name</source>
        <translation>un deux-points ne peut pas être envoyé dans ce nom d&apos;en-tête</translation>
    </message>
</context>
<context>
    <name>StompFrameParser</name>
    <message>
        <source>%1 (at byte %2)</source>
        <translation>%1 (à l&apos;octet %2)</translation>
    </message>
    <message>
        <source>incomplete frame exceeds %1 buffered bytes</source>
        <translation>la trame incomplète dépasse %1 octets en mémoire tampon</translation>
    </message>
    <message>
        <source>carriage return without line feed</source>
        <translation>retour chariot sans saut de ligne</translation>
    </message>
    <message>
        <source>command line longer than %1 bytes</source>
        <translation>ligne de commande de plus de %1 octets</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>commande &apos;%1&apos; inconnue</translation>
    </message>
    <message>
        <source>header line longer than %1 bytes</source>
        <translation>ligne d&apos;en-tête de plus de %1 octets</translation>
    </message>
    <message>
        <source>frame exceeds %1 buffered bytes</source>
        <translation>la trame dépasse %1 octets en mémoire tampon</translation>
    </message>
    <message>
        <source>no NUL after a body of content-length %1</source>
        <translation>pas de NUL après un corps de content-length %1</translation>
    </message>
    <message>
        <source>body exceeds the limit of %1 bytes</source>
        <translation>le corps dépasse la limite de %1 octets</translation>
    </message>
    <message>
        <source>more than %1 headers</source>
        <translation>plus de %1 en-têtes</translation>
    </message>
    <message>
        <source>header line without &apos;:&apos;</source>
        <translation>ligne d&apos;en-tête sans &apos;:&apos;</translation>
    </message>
    <message>
        <source>empty header name</source>
        <translation>nom d&apos;en-tête vide</translation>
    </message>
    <message>
        <source>undefined escape sequence in header name</source>
        <translation>séquence d&apos;échappement non définie dans le nom d&apos;en-tête</translation>
    </message>
    <message>
        <source>undefined escape sequence in header value</source>
        <translation>séquence d&apos;échappement non définie dans la valeur d&apos;en-tête</translation>
    </message>
    <message>
        <source>invalid content-length &apos;%1&apos;</source>
        <translation>content-length &apos;%1&apos; invalide</translation>
    </message>
    <message>
        <source>content-length %1 exceeds the limit of %2 bytes</source>
        <translation>le content-length %1 dépasse la limite de %2 octets</translation>
    </message>
</context>
<context>
    <name>StompFrameParserPrivate</name>
    <message>
        <source>more than %1 headers</source>
        <translation>plus de %1 en-têtes</translation>
    </message>
    <message>
        <source>header line without &apos;:&apos;</source>
        <translation>ligne d&apos;en-tête sans &apos;:&apos;</translation>
    </message>
    <message>
        <source>empty header name</source>
        <translation>nom d&apos;en-tête vide</translation>
    </message>
    <message>
        <source>undefined escape sequence in header name</source>
        <translation>séquence d&apos;échappement non définie dans le nom d&apos;en-tête</translation>
    </message>
    <message>
        <source>undefined escape sequence in header value</source>
        <translation>séquence d&apos;échappement non définie dans la valeur d&apos;en-tête</translation>
    </message>
    <message>
        <source>invalid content-length &apos;%1&apos;</source>
        <translation>content-length &apos;%1&apos; invalide</translation>
    </message>
    <message>
        <source>content-length %1 exceeds the limit of %2 bytes</source>
        <translation>le content-length %1 dépasse la limite de %2 octets</translation>
    </message>
</context>
<context>
    <name>StompMessageModel</name>
    <message numerus="yes">
        <source>[binary, %n byte(s)]</source>
        <translation>
            <numerusform>[binaire, %n octet]</numerusform>
            <numerusform>[binaire, %n octets]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StompPublisher</name>
    <message>
        <source>StompPublisher does not support receipts; use StompClient</source>
        <translation>StompPublisher ne gère pas les accusés de réception ; utilisez StompClient</translation>
    </message>
    <message>
        <source>%1 bytes of batched frames dropped: encoded for another STOMP version than the new connection&apos;s</source>
        <translation>%1 octets de trames groupées abandonnés : encodés pour une autre version de STOMP que celle de la nouvelle connexion</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
</context>
<context>
    <name>StompTransport</name>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>échec de la négociation TLS : %1</translation>
    </message>
    <message>
        <source>more than %1 bytes arrived over WebSocket while reading was paused</source>
        <translation>plus de %1 octets sont arrivés par WebSocket pendant que la lecture était suspendue</translation>
    </message>
    <message>
        <source>the WebSocket was closed with code %1: %2</source>
        <translation>le WebSocket a été fermé avec le code %1 : %2</translation>
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
        <translation>Destination, par ex. /topic/# ou /queue/orders</translation>
    </message>
    <message>
        <source>Ack mode. In client modes the monitor acknowledges every message it shows.</source>
        <translation>Mode d&apos;acquittement. En modes client, le moniteur acquitte chaque message affiché.</translation>
    </message>
    <message>
        <source>Headers: name: value; …</source>
        <translation>En-têtes : nom: valeur ; …</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>S&apos;abonner</translation>
    </message>
    <message>
        <source>%L1 msgs · %2/s</source>
        <translation>%L1 msg · %2/s</translation>
    </message>
    <message>
        <source>Pause this subscription (unsubscribe)</source>
        <translation>Suspendre cet abonnement (désabonner)</translation>
    </message>
    <message>
        <source>Subscribe again</source>
        <translation>Se réabonner</translation>
    </message>
    <message>
        <source>Unsubscribe and remove</source>
        <translation>Se désabonner et supprimer</translation>
    </message>
    <message>
        <source>No subscriptions yet. Add a destination above to see its messages.</source>
        <translation>Aucun abonnement pour l&apos;instant. Ajoutez une destination ci-dessus pour voir ses messages.</translation>
    </message>
</context>
<context>
    <name>TcpTransport</name>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>échec de la négociation TLS : %1</translation>
    </message>
</context>
<context>
    <name>WebSocketTransport</name>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>échec de la négociation TLS : %1</translation>
    </message>
    <message>
        <source>more than %1 bytes arrived over WebSocket while reading was paused</source>
        <translation>plus de %1 octets sont arrivés par WebSocket pendant que la lecture était suspendue</translation>
    </message>
    <message>
        <source>the WebSocket was closed with code %1: %2</source>
        <translation>le WebSocket a été fermé avec le code %1 : %2</translation>
    </message>
</context>
</TS>
