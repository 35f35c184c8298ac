/* The floor for listing an account's streams: a minimal nats.c program that
 * asks STREAM.LIST for the first page, then for every other page at once
 * (pipelined on one reply inbox), and writes each raw reply out in page
 * order. No settings, no parsing beyond the first page's "total", no
 * rendering.
 *
 * usage: bench_list_streams_raw URL
 */
#include <nats/nats.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { kPage = 256 };

/* "total" of a STREAM.LIST reply, or -1. */
static long total_of(const char* data, int length) {
    const char* key = "\"total\":";
    for (int i = 0; i + (int)strlen(key) < length; ++i) {
        if (strncmp(data + i, key, strlen(key)) == 0) return strtol(data + i + strlen(key), NULL, 10);
    }
    return -1;
}

static natsStatus ask(natsConnection* nc, const char* reply_to, long offset) {
    char body[64];
    snprintf(body, sizeof body, "{\"offset\":%ld}", offset);
    return natsConnection_PublishRequestString(nc, "$JS.API.STREAM.LIST", reply_to, body);
}

int main(int argc, char** argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s URL\n", argv[0]);
        return 2;
    }
    natsConnection* nc = NULL;
    natsSubscription* sub = NULL;
    natsMsg* first = NULL;
    if (natsConnection_ConnectTo(&nc, argv[1]) != NATS_OK) return 3;
    if (natsConnection_RequestString(&first, nc, "$JS.API.STREAM.LIST", "{\"offset\":0}", 5000) != NATS_OK) return 3;
    fwrite(natsMsg_GetData(first), 1, (size_t)natsMsg_GetDataLength(first), stdout);
    fputc('\n', stdout);
    const long total = total_of(natsMsg_GetData(first), natsMsg_GetDataLength(first));
    natsMsg_Destroy(first);

    const long pages = total > kPage ? (total - 1) / kPage : 0; /* after the first */
    natsMsg** replies = calloc((size_t)(pages > 0 ? pages : 1), sizeof *replies);
    char inbox[128];
    char reply_to[160];
    snprintf(inbox, sizeof inbox, "_INBOX.list%ld", (long)nats_Now());
    snprintf(reply_to, sizeof reply_to, "%s.*", inbox);
    int status = natsConnection_SubscribeSync(&sub, nc, reply_to) == NATS_OK ? 0 : 3;
    for (long p = 0; status == 0 && p < pages; ++p) {
        snprintf(reply_to, sizeof reply_to, "%s.%ld", inbox, p);
        if (ask(nc, reply_to, (p + 1) * kPage) != NATS_OK) status = 3;
    }
    for (long got = 0; status == 0 && got < pages; ++got) {
        natsMsg* msg = NULL;
        if (natsSubscription_NextMsg(&msg, sub, 5000) != NATS_OK) {
            status = 3;
            break;
        }
        const long index = strtol(strrchr(natsMsg_GetSubject(msg), '.') + 1, NULL, 10);
        if (index < 0 || index >= pages || replies[index] != NULL) {
            natsMsg_Destroy(msg);
            continue;
        }
        replies[index] = msg;
    }
    for (long p = 0; p < pages; ++p) {
        if (replies[p] == NULL) continue;
        fwrite(natsMsg_GetData(replies[p]), 1, (size_t)natsMsg_GetDataLength(replies[p]), stdout);
        fputc('\n', stdout);
        natsMsg_Destroy(replies[p]);
    }
    free(replies);
    natsSubscription_Destroy(sub);
    natsConnection_Destroy(nc);
    nats_Close();
    return status;
}
