/* The round-trip floor aa-nats is compared with: a minimal nats.c program that
 * connects (TCP, INFO, CONNECT + PING -> PONG), then sends every request at
 * once, each with its own reply subject under one inbox subscription, waits
 * for all the replies and prints them in request order. With the connect,
 * that is the least any nats.c tool can pay for N independent reads: the
 * requests share one round trip. No settings, no parsing, no rendering.
 *
 * usage: bench_pipelined_requests URL REQUEST [REQUEST...]
 *   REQUEST is "SUBJECT" or "SUBJECT BODY" (a subject has no white space).
 */
#include <nats/nats.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kTimeoutMs = 5000 };

/* Sends request I of ARGV ("SUBJECT[ BODY]") with reply subject INBOX.I. */
static natsStatus send_request(natsConnection* nc, const char* inbox, int i, const char* request) {
    const char* space = strchr(request, ' ');
    const size_t subject_length = space ? (size_t)(space - request) : strlen(request);
    char subject[1024];
    char reply[256];
    if (subject_length >= sizeof subject) return NATS_INVALID_ARG;
    memcpy(subject, request, subject_length);
    subject[subject_length] = '\0';
    snprintf(reply, sizeof reply, "%s.%d", inbox, i);
    const char* body = space ? space + 1 : "";
    return natsConnection_PublishRequest(nc, subject, reply, body, (int)strlen(body));
}

/* The request index a reply subject INBOX.I names; -1 when it names none. */
static int index_of(const char* subject, size_t prefix_length, int count) {
    char* end = NULL;
    const long i = strtol(subject + prefix_length, &end, 10);
    return (end != subject + prefix_length && *end == '\0' && i >= 0 && i < count) ? (int)i : -1;
}

int main(int argc, char** argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s URL REQUEST [REQUEST...]\n", argv[0]);
        return 2;
    }
    const int count = argc - 2;
    natsConnection* nc = NULL;
    natsSubscription* sub = NULL;
    natsInbox* inbox = NULL;
    natsMsg** replies = calloc((size_t)count, sizeof *replies);
    char wildcard[256];
    if (natsConnection_ConnectTo(&nc, argv[1]) != NATS_OK || natsInbox_Create(&inbox) != NATS_OK) {
        fprintf(stderr, "cannot connect\n");
        return 3;
    }
    snprintf(wildcard, sizeof wildcard, "%s.*", inbox);
    int status = natsConnection_SubscribeSync(&sub, nc, wildcard) == NATS_OK ? 0 : 3;
    for (int i = 0; status == 0 && i < count; ++i) {
        if (send_request(nc, inbox, i, argv[i + 2]) != NATS_OK) status = 3;
    }
    for (int received = 0; status == 0 && received < count;) {
        natsMsg* msg = NULL;
        if (natsSubscription_NextMsg(&msg, sub, kTimeoutMs) != NATS_OK) {
            status = 3;
            break;
        }
        const int i = index_of(natsMsg_GetSubject(msg), strlen(inbox) + 1, count);
        if (i < 0 || replies[i] != NULL) {
            natsMsg_Destroy(msg);
            continue;
        }
        replies[i] = msg;
        ++received;
    }
    for (int i = 0; i < count; ++i) {
        if (replies[i] == NULL) continue;
        fwrite(natsMsg_GetData(replies[i]), 1, (size_t)natsMsg_GetDataLength(replies[i]), stdout);
        fputc('\n', stdout);
        natsMsg_Destroy(replies[i]);
    }
    if (status != 0) fprintf(stderr, "no reply to every request within %d ms\n", kTimeoutMs);
    free(replies);
    /* The connection goes first: destroying the subscription before would
     * queue an UNSUB, and closing a connection with queued bytes waits for a
     * PING's PONG, one more round trip that no reader needs. */
    natsConnection_Destroy(nc);
    natsSubscription_Destroy(sub);
    natsInbox_Destroy(inbox);
    nats_Close();
    return status;
}
