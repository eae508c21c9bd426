/*
 * httpd.c — a static file server for the data cases that fetch
 * (`watch`, `fetch`): libmicrohttpd on 127.0.0.1 only, an ephemeral port
 * written to PORTFILE, files under DIR ("..", and anything outside DIR,
 * refused), an ETag per file (304 to a matching If-None-Match), and a
 * log line per request ("GET /path 200 conditional|plain") in LOGFILE.
 * A file PATH.headers beside PATH gives the headers PATH is served with,
 * one "Name: value" a line (its Content-Type replaces the guessed one), and
 * may ask for a status or a hostile body (read_sidecar), for cases about
 * what a response's headers mean and about servers that misbehave.
 * It stops by itself after LIFETIME seconds (default 120), so a failed
 * case never leaves it behind; the case kills it when done.
 *
 *   httpd DIR PORTFILE LOGFILE [LIFETIME]
 */
#define _DEFAULT_SOURCE
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "hostile_body.h"

static const char *root;
static FILE *log_file;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static const char *type_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot) return "application/octet-stream";
    if (!strcmp(dot, ".html")) return "text/html; charset=utf-8";
    if (!strcmp(dot, ".xml") || !strcmp(dot, ".rss")) return "application/rss+xml";
    if (!strcmp(dot, ".atom")) return "application/atom+xml";
    if (!strcmp(dot, ".json")) return "application/feed+json";
    if (!strcmp(dot, ".txt")) return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

/* What a file's sidecar PATH.headers asks for: its header lines, and two
 * lines the server obeys instead of sending: "Status: NNN" (the status,
 * for errors, redirects and 429s) and "Body: endless" (x's without end) or
 * "Body: drip" (one byte every 200 ms, without end). */
typedef struct sidecar {
    unsigned status; /* 0: as the file says (200, or 304) */
    int endless, drip, typed;
    char lines[32][1024];
    size_t n;
} sidecar;

static void read_sidecar(const char *path, sidecar *sc)
{
    char name[4200], line[1024];
    memset(sc, 0, sizeof *sc);
    snprintf(name, sizeof name, "%s.headers", path);
    FILE *f = fopen(name, "r");
    if (!f) return;
    while (fgets(line, sizeof line, f) && sc->n < 32) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!strncasecmp(line, "Status:", 7)) sc->status = (unsigned)atoi(line + 7);
        else if (!strcasecmp(line, "Body: endless")) sc->endless = 1;
        else if (!strcasecmp(line, "Body: drip")) sc->drip = 1;
        else if (strchr(line, ':') && line[0] != ':') {
            if (!strncasecmp(line, "Content-Type:", 13)) sc->typed = 1;
            snprintf(sc->lines[sc->n++], sizeof sc->lines[0], "%s", line);
        }
    }
    fclose(f);
}

static enum MHD_Result answer(struct MHD_Connection *c, unsigned status, const char *body,
                              size_t len, const char *type, const char *etag, const sidecar *sc)
{
    struct MHD_Response *r;
    if (sc && (sc->endless || sc->drip))
        r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, sc->drip ? 16 : 65536,
                                              sc->drip ? hostile_drip : hostile_endless, NULL, NULL);
    else
        r = MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
    if (!(sc && sc->typed) && type) MHD_add_response_header(r, "Content-Type", type);
    for (size_t i = 0; sc && i < sc->n; i++) {
        char name[1024];
        snprintf(name, sizeof name, "%s", sc->lines[i]);
        char *colon = strchr(name, ':');
        *colon = '\0';
        const char *v = colon + 1;
        while (*v == ' ' || *v == '\t') v++;
        MHD_add_response_header(r, name, v);
    }
    if (etag) MHD_add_response_header(r, "ETag", etag);
    enum MHD_Result ok = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ok;
}

static void log_request(const char *url, unsigned status, int conditional)
{
    pthread_mutex_lock(&lock);
    fprintf(log_file, "GET %s %u %s\n", url, status, conditional ? "conditional" : "plain");
    fflush(log_file);
    pthread_mutex_unlock(&lock);
}

static enum MHD_Result serve(void *cls, struct MHD_Connection *c, const char *url,
                             const char *method, const char *version, const char *upload,
                             size_t *upload_len, void **state)
{
    (void)cls, (void)version, (void)upload, (void)upload_len, (void)state;
    const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
    if (strcmp(method, "GET") || strstr(url, "..") || url[0] != '/') {
        log_request(url, 400, inm != NULL);
        return answer(c, 400, "bad request", 11, "text/plain", NULL, NULL);
    }
    char path[4096];
    snprintf(path, sizeof path, "%s%s", root, url);
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    size_t len = 0;
    if (f) {
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        if (n >= 0 && n < (64 << 20)) {
            data = malloc((size_t)n + 1);
            len = fread(data, 1, (size_t)n, f);
        }
        fclose(f);
    }
    if (!data) {
        log_request(url, 404, inm != NULL);
        return answer(c, 404, "not found", 9, "text/plain", NULL, NULL);
    }
    unsigned long h = 5381;
    for (size_t i = 0; i < len; i++) h = h * 33 + (unsigned char)data[i];
    char etag[32];
    snprintf(etag, sizeof etag, "\"%lx\"", h);
    sidecar sc;
    read_sidecar(path, &sc);
    unsigned status = sc.status ? sc.status : inm && !strcmp(inm, etag) ? 304 : 200;
    log_request(url, status, inm != NULL);
    enum MHD_Result ok = answer(c, status, data, status == 304 ? 0 : len, type_of(path),
                                sc.status ? NULL : etag, &sc);
    free(data);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: httpd DIR PORTFILE LOGFILE [LIFETIME]\n");
        return 2;
    }
    root = argv[1];
    log_file = fopen(argv[3], "w");
    if (!log_file) return 1;
    struct sockaddr_in sa = {0};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    /* a pool of epoll threads: a drip sleeping in its callback holds one */
    struct MHD_Daemon *d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, 0, NULL,
                                            NULL, serve, NULL, MHD_OPTION_SOCK_ADDR, &sa,
                                            MHD_OPTION_THREAD_POOL_SIZE, (unsigned)8,
                                            MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)10, MHD_OPTION_END);
    if (!d) return 1;
    FILE *pf = fopen(argv[2], "w");
    if (!pf) return 1;
    fprintf(pf, "%u\n", MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT)->port);
    fclose(pf);
    sleep(argc > 4 ? (unsigned)atoi(argv[4]) : 120);
    MHD_stop_daemon(d);
    fclose(log_file);
    return 0;
}
