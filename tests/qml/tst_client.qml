// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
import QtQuick
import QtTest
import StompQt

// Against the real RabbitMQ of this run: connect, subscribe declaratively, send from QML,
// receive, receipts, reconnect, unsubscribe, the message model.
TestCase {
    id: testCase
    name: "StompClientQml"

    property string run: Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36)

    Component {
        id: clientComponent
        StompClient {
            host: broker.host || "127.0.0.1"
            port: broker.port || 61613
            login: broker.login || ""
            passcode: broker.passcode || ""
            virtualHost: broker.vhost || ""
            socketTimeout: 5000
        }
    }
    Component {
        id: subscriptionComponent
        StompSubscription {}
    }
    Component {
        id: spyComponent
        SignalSpy {}
    }
    Component {
        id: modelComponent
        StompMessageModel {}
    }
    Component {
        id: filterComponent
        StompMessageFilterModel {}
    }

    function requireBroker() {
        if (broker.available)
            return true
        if (broker.ci)
            fail(broker.missingMessage)
        skip(broker.missingMessage)
        return false
    }

    function connectedClient(properties) {
        const client = createTemporaryObject(clientComponent, testCase, properties || {})
        verify(client)
        client.connectToHost()
        tryCompare(client, "state", StompClient.Connected, 10000,
                   "not connected: " + client.errorString)
        return client
    }

    function spy(target, signalName) {
        return createTemporaryObject(spyComponent, testCase, {target: target, signalName: signalName})
    }

    function destination(kind, what) {
        return "/" + kind + "/stompqt-qml-" + what + "-" + run
    }

    // --- no broker needed ---------------------------------------------------------------

    function test_properties() {
        const client = createTemporaryObject(clientComponent, testCase)
        client.url = "stomp://alice@broker.example:61999/prod"
        compare(client.host, "broker.example")
        compare(client.port, 61999)
        compare(client.login, "alice")
        compare(client.virtualHost, "prod")
        client.outgoingHeartbeat = 4000
        client.incomingHeartbeat = 8000
        compare(client.outgoingHeartbeat, 4000)
        compare(client.incomingHeartbeat, 8000)
        client.listenerMode = StompClient.WorkerThread
        compare(client.listenerMode, StompClient.WorkerThread)
        compare(client.state, StompClient.Disconnected)
        client.connectHeaders = {"client-id": "qml-test"}
        compare(client.connectHeaders.length, 1)
        compare(client.connectHeaders[0][0], "client-id")
        compare(StompClient.AckClientIndividual, 2)
        client.acceptedVersions = StompClient.Version1_1
        compare(client.acceptedVersions, StompClient.Version1_1)
    }

    function test_versionChoice() {
        if (!requireBroker())
            return
        const client = connectedClient({acceptedVersions: StompClient.Version1_1})
        compare(client.version, "1.1")
    }

    function test_subscriptionWaitsForConnection() {
        const client = createTemporaryObject(clientComponent, testCase)
        const sub = createTemporaryObject(subscriptionComponent, testCase,
                                          {client: client, destination: "/topic/nothing"})
        verify(!sub.active)
        compare(sub.messageCount, 0)
    }

    // --- against RabbitMQ ------------------------------------------------------------------

    function test_connect() {
        if (!requireBroker())
            return
        const client = connectedClient()
        compare(client.version, "1.2")
        verify(client.sessionId.length > 0)
        verify(client.server.indexOf("RabbitMQ") === 0, client.server)
        const gone = spy(client, "disconnected")
        client.disconnectFromHost()
        gone.wait(5000)
        compare(client.state, StompClient.Disconnected)
    }

    function test_connectWorkerThread() {
        if (!requireBroker())
            return
        const client = connectedClient({listenerMode: StompClient.WorkerThread})
        const dest = destination("queue", "worker")
        const sub = createTemporaryObject(subscriptionComponent, testCase, {client: client, destination: dest})
        tryCompare(sub, "active", true)
        const received = spy(sub, "messageReceived")
        client.send(dest, "from the worker", {}, StompClient.WithReceipt)
        received.wait(5000)
        compare(received.signalArguments[0][0].text, "from the worker")
    }

    function test_badLoginIsReported() {
        if (!requireBroker())
            return
        const client = createTemporaryObject(clientComponent, testCase, {passcode: "wrong"})
        const errors = spy(client, "errorOccurred")
        client.connectToHost()
        tryCompare(client, "state", StompClient.Disconnected, 10000)
        verify(errors.count >= 1)
        compare(client.error, StompClient.AuthenticationFailed)
        verify(client.errorString.length > 0)
    }

    function test_sendAndReceive() {
        if (!requireBroker())
            return
        const client = connectedClient()
        const dest = destination("queue", "roundtrip")
        const sub = createTemporaryObject(subscriptionComponent, testCase, {client: client, destination: dest})
        tryCompare(sub, "active", true)
        verify(sub.subscriptionId.length > 0)
        const received = spy(sub, "messageReceived")
        const all = spy(client, "messageReceived")

        const receipts = spy(client, "receiptReceived")
        const receipt = client.send(dest, "h\u00e9llo\nsecond line",
                                    [["x-first", "1"], ["x-second", "two"], ["x-first", "ignored"]],
                                    StompClient.WithReceipt)
        verify(receipt.length > 0)
        receipts.wait(5000)
        compare(receipts.signalArguments[0][0], receipt)

        received.wait(5000)
        compare(all.count, 1)
        const message = received.signalArguments[0][0]
        verify(message.isValid)
        compare(message.commandName, "MESSAGE")
        compare(message.destination, dest)
        compare(message.text, "h\u00e9llo\nsecond line")
        compare(message.bodySize, 18)
        verify(message.messageId.length > 0)
        compare(message.subscription, sub.subscriptionId)
        compare(message.headerMap["x-first"], "1")
        compare(message.headerMap["x-second"], "two")
        // The ordered list is the wire order of the broker's frame (RabbitMQ picks its own).
        const names = message.headerList.map(h => h[0])
        verify(names.indexOf("x-first") >= 0 && names.indexOf("x-second") >= 0, names.join(","))
        compare(message.headerList.find(h => h[0] === "destination")[1], dest)
        verify(message.timestamp instanceof Date)
        verify(Math.abs(message.timestamp.getTime() - Date.now()) < 60000)
        tryCompare(sub, "messageCount", 1)
    }

    function test_arrayBufferBody() {
        if (!requireBroker())
            return
        const client = connectedClient()
        const dest = destination("queue", "binary")
        const sub = createTemporaryObject(subscriptionComponent, testCase, {client: client, destination: dest})
        tryCompare(sub, "active", true)
        const received = spy(sub, "messageReceived")
        const bytes = new Uint8Array([0, 1, 2, 255, 0])
        client.send(dest, bytes.buffer)
        received.wait(5000)
        compare(received.signalArguments[0][0].bodySize, 5)
    }

    function test_clientIndividualAck() {
        if (!requireBroker())
            return
        const client = connectedClient()
        const dest = destination("queue", "ack")
        const sub = createTemporaryObject(subscriptionComponent, testCase,
                                          {client: client, destination: dest,
                                           ackMode: StompClient.AckClientIndividual,
                                           headers: {"prefetch-count": "1"},
                                           autoAcknowledge: true})
        tryCompare(sub, "active", true)
        // prefetch-count 1: the second message only arrives when the first was acknowledged.
        for (let i = 0; i < 3; ++i)
            client.send(dest, "m" + i)
        tryCompare(sub, "messageCount", 3, 5000)
        compare(sub.ackMode, StompClient.AckClientIndividual)
    }

    function test_resubscribesAfterReconnect() {
        if (!requireBroker())
            return
        const client = connectedClient()
        const dest = destination("queue", "reconnect")
        const sub = createTemporaryObject(subscriptionComponent, testCase, {client: client, destination: dest})
        tryCompare(sub, "active", true)
        const subscribed = spy(sub, "subscribed")

        client.disconnectFromHost()
        tryCompare(client, "state", StompClient.Disconnected, 5000)
        tryCompare(sub, "active", false)

        client.connectToHost()
        tryCompare(client, "state", StompClient.Connected, 10000)
        tryCompare(sub, "active", true)
        compare(subscribed.count, 1)

        const received = spy(sub, "messageReceived")
        client.send(dest, "after reconnect")
        received.wait(5000)
        compare(received.signalArguments[0][0].text, "after reconnect")
    }

    function test_disableAndDestroyUnsubscribe() {
        if (!requireBroker())
            return
        const client = connectedClient()
        const dest = destination("topic", "unsub")
        const sub = createTemporaryObject(subscriptionComponent, testCase, {client: client, destination: dest})
        const other = createTemporaryObject(subscriptionComponent, testCase, {client: client, destination: dest})
        tryCompare(sub, "active", true)
        tryCompare(other, "active", true)
        const received = spy(sub, "messageReceived")
        const all = spy(client, "messageReceived")

        sub.enabled = false
        verify(!sub.active)
        other.destroy()
        wait(200)
        client.send(dest, "nobody listens", {}, StompClient.WithReceipt)
        const probe = createTemporaryObject(subscriptionComponent, testCase,
                                            {client: client, destination: destination("queue", "probe")})
        tryCompare(probe, "active", true)
        const probed = spy(probe, "messageReceived")
        client.send(probe.destination, "probe")
        probed.wait(5000)
        // Only the probe: the topic message reached no subscription.
        compare(received.count, 0)
        compare(all.count, 1)

        sub.enabled = true
        tryCompare(sub, "active", true)
        client.send(dest, "listening again")
        received.wait(5000)
    }

    function test_changingDestinationResubscribes() {
        if (!requireBroker())
            return
        const client = connectedClient()
        const sub = createTemporaryObject(subscriptionComponent, testCase,
                                          {client: client, destination: destination("queue", "first")})
        tryCompare(sub, "active", true)
        const firstId = sub.subscriptionId
        sub.destination = destination("queue", "second")
        tryCompare(sub, "active", true)
        verify(sub.subscriptionId !== firstId)
        const received = spy(sub, "messageReceived")
        client.send(destination("queue", "second"), "to the second")
        received.wait(5000)
        compare(received.signalArguments[0][0].destination, destination("queue", "second"))
    }

    function test_imperativeSubscribe() {
        if (!requireBroker())
            return
        const client = connectedClient()
        const dest = destination("queue", "imperative")
        const sub = client.subscribe(dest, StompClient.AckAuto, {}, "my-id-" + run)
        verify(sub)
        tryCompare(sub, "active", true)
        compare(sub.subscriptionId, "my-id-" + run)
        compare(sub.subscription.id, "my-id-" + run)
        const received = spy(sub, "messageReceived")
        client.send(dest, "imperative")
        received.wait(5000)
        sub.destroy()
    }

    function test_transaction() {
        if (!requireBroker())
            return
        const client = connectedClient()
        const dest = destination("queue", "tx")
        const sub = createTemporaryObject(subscriptionComponent, testCase, {client: client, destination: dest})
        tryCompare(sub, "active", true)
        const received = spy(sub, "messageReceived")
        const tx = client.begin()
        verify(tx.length > 0)
        client.send(dest, "in tx", {}, 0, tx)
        wait(300)
        compare(received.count, 0)
        const receipt = client.commit(tx, StompClient.WithReceipt)
        verify(receipt.length > 0)
        received.wait(5000)
        compare(received.signalArguments[0][0].text, "in tx")

        const tx2 = client.begin()
        client.send(dest, "rolled back", {}, 0, tx2)
        client.rollback(tx2)
        client.send(dest, "after rollback")
        tryCompare(received, "count", 2, 5000)
        compare(received.signalArguments[1][0].text, "after rollback")
    }

    function test_messageModel() {
        if (!requireBroker())
            return
        const client = connectedClient()
        const model = createTemporaryObject(modelComponent, testCase, {client: client, capacity: 5})
        const filter = createTemporaryObject(filterComponent, testCase, {messages: model})
        const a = destination("queue", "model-a")
        const b = destination("queue", "model-b")
        const subA = createTemporaryObject(subscriptionComponent, testCase, {client: client, destination: a})
        const subB = createTemporaryObject(subscriptionComponent, testCase, {client: client, destination: b})
        tryCompare(subA, "active", true)
        tryCompare(subB, "active", true)

        // One destination at a time: the order between two queues is the broker's choice.
        for (let i = 0; i < 4; ++i) {
            client.send(i % 2 ? b : a, JSON.stringify({n: i}) + "\nrest")
            tryCompare(model, "totalCount", i + 1, 5000)
        }
        tryCompare(model, "count", 4, 5000)
        compare(model.droppedCount, 0)
        compare(model.roleValue(0, "firstLine"), "{\"n\":0} \u21b5")
        compare(model.roleValue(0, "subscriptionDestination"), a)
        compare(model.roleValue(1, "destination"), b)
        compare(model.roleValue(1, "subscriptionDestination"), b)
        compare(model.get(2).text, "{\"n\":2}\nrest")

        filter.destinationFilter = "model-b"
        compare(filter.count, 2)
        compare(filter.get(0).destination, b)
        filter.destinationFilter = ""
        filter.textFilter = "\"n\":3"
        compare(filter.count, 1)
        compare(filter.sourceRow(0), 3)
        filter.textFilter = ""
        compare(filter.count, 4)

        // Capacity 5: three more drop the two oldest.
        for (let j = 4; j < 7; ++j)
            client.send(a, "n" + j)
        tryCompare(model, "totalCount", 7, 5000)
        tryCompare(model, "count", 5)
        compare(model.droppedCount, 2)
        compare(model.get(0).text, "{\"n\":2}\nrest")
        compare(filter.count, 5)

        // Paused: messages wait and arrive on resume.
        model.paused = true
        client.send(b, "while paused")
        tryCompare(model, "pendingCount", 1, 5000)
        compare(model.count, 5)
        model.paused = false
        tryCompare(model, "pendingCount", 0)
        compare(model.get(4).text, "while paused")
        model.clear()
        compare(model.count, 0)
        compare(filter.count, 0)
    }
}
