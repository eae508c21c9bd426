/*
 * html_blocks.c — the collected blocks, judged one by one before they
 * become the article's paragraphs.
 *
 * The container choice (html_main.c) and the pruning inside it
 * (html_body.c) work on elements; some furniture only shows as text, in
 * blocks with no telling markup.  Each rule is about the shape or the
 * stock wording of a line, in the languages parallax meets most; none
 * names a site.
 *
 *  - The headline: the page's first <h1>, or a block that repeats the
 *    title, is a field and not the body.
 *  - Link blocks: a short block that is almost all link text ("Read more:
 *    ...", a related headline) is a link, not a paragraph.
 *  - "Read also" lines: a short block opening with a label like "Read
 *    more:", "Lea también", "Lesen Sie auch", "Czytaj też" points at
 *    another article.
 *  - Captions and credits: "Photo: ...", "(Image: Getty)", "Source: ...",
 *    "Courtesy of ..." (the source a reprint credits),
 *    a line ending in a photo agency's credit.
 *  - The edges.  Before the first paragraph of prose come the kicker, the
 *    byline and the date; after the last come credits, calls to subscribe
 *    or follow, copyright lines and labels like "Contact:".  Walking in
 *    from each end, blocks that look like those are taken off, and the
 *    walk stops at the first block that does not: a byline in the middle
 *    of the text is left alone, since it is not known to be one.  A
 *    label line among the last few blocks that opens the contacts, the
 *    sources or further reading ("Kontakt:", "Weitere Informationen",
 *    "Quellenangaben:") ends the text: it and what follows it (a quarter
 *    of the text at most) are taken off.
 *
 * Removed blocks are not lost: they become the article's removed lines.
 */
#include <string.h>

#include "extract/extract.h"
#include "extract/html.h"

#define LINK_BLOCK_MAX 150  /* longest link-only block treated as a link */
#define LABEL_LINE_MAX 250  /* longest "Read more: ..." line */
#define CREDIT_LINE_MAX 250 /* longest caption or credit line */
#define EDGE_LINE_MAX 300   /* longest byline, date or call-to-action line */

/* ---- folding ------------------------------------------------------------- */

/* Lower-cases the first bytes of s into out (at most cap - 1): ASCII,
 * Latin-1, Latin Extended-A, Greek and Cyrillic capitals; other bytes are
 * copied.  Enough to compare a line's opening words with a label. */
static void fold(const char *s, char *out, size_t cap)
{
    size_t n = 0, i = 0, len = strlen(s);
    px_buf b = {0};
    while (i < len && b.len + 4 < cap) {
        unsigned c = (unsigned char)s[i];
        if (c < 0x80) {
            px_buf_putc(&b, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
            i++;
            continue;
        }
        unsigned cp = px_utf8_next(s, len, &i);
        if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3AB) ||
            (cp >= 0x410 && cp <= 0x42F))
            cp += 0x20;
        else if (cp >= 0x400 && cp <= 0x40F)
            cp += 0x50;
        else if (((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177)) && !(cp & 1) &&
                 cp != 0x130)
            cp += 1; /* Latin Extended-A: capitals on even code points here */
        else if (((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) && (cp & 1))
            cp += 1; /* and on odd ones here (Ł, Ń, Ź, Ż) */
        px_utf8_put(&b, cp);
    }
    n = b.len < cap ? b.len : cap - 1;
    memcpy(out, px_buf_str(&b), n);
    out[n] = '\0';
    px_buf_free(&b);
}

/* 1 when the folded line s starts with one of words, followed by a
 * non-letter (so "related" does not match "relatedly"). */
static int starts_with_any(const char *s, const char *const *words)
{
    for (; *words; words++) {
        size_t k = strlen(*words);
        if (strncmp(s, *words, k)) continue;
        unsigned char next = (unsigned char)s[k], last = (unsigned char)(*words)[k - 1];
        if (last == ' ' || last == ':' || !((next >= 'a' && next <= 'z') || next >= 0x80))
            return 1;
    }
    return 0;
}

static int contains_any(const char *s, const char *const *words)
{
    for (; *words; words++)
        if (strstr(s, *words)) return 1;
    return 0;
}

/* ---- the kinds of line --------------------------------------------------- */

/* Labels that point at other articles. */
static const char *const read_also[] = {
    "read more", "read also", "also read", "see also", "related", "more:", "recommended",
    "don't miss", "don’t miss", "watch:", "listen:", "most read", "more on this",
    "more from", "see more", "trending", "you may also like", "you might also like",
    "lea también", "lea más", "lee también", "lee más", "te puede interesar",
    "le puede interesar", "puede interesarte", "puedes ver", "ver también", "mira también",
    "también te puede", "lesen sie auch", "lesen sie mehr", "auch lesen", "lies auch",
    "mehr zum thema", "weiterlesen", "das könnte", "das thema könnte", "auch interessant",
    "empfohlene", "czytaj też", "czytaj także", "czytaj więcej", "zobacz też",
    "zobacz także", "leia também", "leia mais", "veja também", "saiba mais", "lire aussi",
    "à lire aussi", "a lire aussi", "voir aussi", "à voir aussi", "lire la suite",
    "leggi anche", "leggi pure", "vedi anche", "читайте также", "смотрите также",
    "читайте еще", "lees ook", "bekijk ook", "weitere artikel", "weitere beiträge",
    "weitere themen", "weitere nachrichten", "weitere tipps", "weitere tourentipps",
    "mehr interessantes", "neueste artikel", "neueste beiträge", "entdecke weitere",
    "discover our", "discover more", "lo último", "lo más leído", "más noticias",
    "noticias relacionadas", "articles liés", "sur le même sujet", NULL};

/* Whole lines that are a control of the page, not text: a button or a
 * link's label ("Print recipe", "Kommentieren", "PDF"). */
static const char *const controls[] = {
    "print", "drucken", "rezept drucken", "print recipe", "imprimir", "imprimer", "pdf",
    "permalink", "permalien", "kommentieren", "comment", "comments", "kommentare",
    "comentarios", "commentaires", "bild anzeigen", "bild schließen", "quellen anzeigen",
    "quellen ausblenden", "show more", "mehr anzeigen", "ver más", "voir plus", "teilen",
    "share", "compartir", "partager", "zurück", "back", "volver", "retour", "weiter",
    "next", "previous", "siguiente", "anterior", "suivant", "précédent",
    /* labels of ads and embeds, and of the tag list, alone on a line */
    "anzeige", "werbung", "advertisement", "publicidad", "publicité", "externer inhalt",
    "tags", "schlagworte", "schlagwörter", "bild anzeigen bild schließen", NULL};

/* Openings of caption and credit lines. */
static const char *const credit_openings[] = {
    "photo:", "photo by", "photos:", "photograph:", "photograph by", "picture:", "image:",
    "images:", "image credit", "credit:", "credits:", "crédits", "crédit photo", "foto:",
    "fotos:", "foto von", "bild:", "bilder:", "bildquelle", "titelbild", "quelle:",
    "source:", "sources:", "fuente:", "źródło:", "fonte:", "illustration:", "video:",
    "copyright:", "abbildung:", "abb.:", "grafik:", "grafiken:", "karte:", "figure:", "fig.:",
    "graphic:", "courtesy of", NULL};

/* Endings of caption lines: a credit in brackets or a picture agency. */
static const char *const credit_endings[] = {
    "getty images", "getty images)", "shutterstock", "shutterstock)", "istock", "istock)",
    "istockphoto", "(image: ", "(photo: ", "(foto: ", "(bild: ", "(credit: ", "(photo credit",
    "(image credit", NULL};

/* Stock wording of the lines around an article: calls to subscribe,
 * follow, share or comment, legal lines, paywall prompts. */
static const char *const call_words[] = {
    "subscribe", "subscription", "sign up", "signing up", "newsletter", "all rights reserved",
    "copyright", "©", "follow us", "follow the", "follow him", "follow her", "on twitter",
    "on facebook", "on instagram", "download the", "app store", "google play",
    "log in", "to view the full story", "the full story", "contributed to this report",
    "contributed reporting", "additional reporting", "reporting by", "editing by",
    "writing by", "compiled by", "share this", "leave a comment", "write to ",
    "abonnieren", "abonniere", "abo ", "alle rechte vorbehalten", "melden sie sich",
    "newsletter", "folgen sie", "folge uns", "suscríbete", "suscribirse", "suscríbase",
    "derechos reservados", "síguenos", "únete", "inscreva-se", "assine", "siga-nos",
    "abonnez-vous", "tous droits réservés", "suivez-nous", "iscriviti", "abbonati",
    "tutti i diritti riservati", "seguici", "zapisz się", "subskryb", "prenumer",
    "wszelkie prawa zastrzeżone", "подпис", "все права защищены", "einloggen", "anmelden",
    "registrieren", "was this article helpful", "war der artikel", "war dieser artikel",
    "artikel teilen", "beitrag teilen", "share this article", "keine bewertung",
    "no ratings", "rate this", "bewerten sie", "weitere informationen", "weitere infos",
    "more information", "más información", "plus d'informations", "kontakt:", "contact:",
    "quellen:", "quellenangaben", "sources:", "fuentes:", NULL};

/* Openings of byline and date lines. */
static const char *const byline_openings[] = {
    "by ", "von ", "por ", "par ", "di ", "door ", "autor:", "autorin:", "autoren ",
    "author:", "written by", "posted by", "published by", "text:", "text von", "texto:",
    "publicado por", "publié par", "erstellt von", "redacción", "redaktion", NULL};

static const char *const date_words[] = {
    "published", "updated", "posted", "last updated", "veröffentlicht", "aktualisiert",
    "stand:", "publicado", "actualizado", "atualizado", "publié", "mis à jour",
    "pubblicato", "aggiornato", "opublikowano", "aktualizacja", "min read",
    "minute read", "minutes read", "lesezeit", "tempo de leitura", "tiempo de lectura",
    "temps de lecture", NULL};

static size_t count_words(const char *s)
{
    size_t n = 0;
    for (size_t i = 0; s[i]; i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) n++;
    return n;
}

static int ends_with(const char *s, const char *w)
{
    size_t n = strlen(s), k = strlen(w);
    return n >= k && !strcmp(s + n - k, w);
}

static int is_read_also(const html_block *b, const char *low)
{
    return b->len <= LABEL_LINE_MAX && starts_with_any(low, read_also);
}

static int is_credit_line(const html_block *b, const char *low)
{
    if (b->len > CREDIT_LINE_MAX) return 0;
    if (starts_with_any(low, credit_openings)) return 1;
    for (const char *const *e = credit_endings; *e; e++) {
        const char *at = strstr(low, *e);
        if (at && (ends_with(low, *e) || ((*e)[0] == '(' && strchr(at, ')') &&
                                          !strchr(at, ')')[1])))
            return 1;
    }
    return 0;
}

/* A line that is a date, a time or a reading time, with at most a few
 * words around it ("Published 4:00 am CST, Wednesday, November 20, 2019",
 * "19:49", "5 min read"). */
static int is_date_line(const html_block *b, const char *low)
{
    if (b->len > 90) return 0;
    int digits = 0;
    for (const char *p = b->text; *p; p++) digits += *p >= '0' && *p <= '9';
    if (!digits) return 0;
    char iso[32];
    if (contains_any(low, date_words)) return 1;
    if (count_words(b->text) <= 6 && (px_html_date_iso(b->text, iso) || digits * 3 >= (int)b->weight))
        return 1;
    return 0;
}

static int is_byline_line(const html_block *b, const char *low)
{
    return b->len <= 120 && count_words(b->text) <= 12 && starts_with_any(low, byline_openings);
}

static int is_call_line(const html_block *b, const char *low)
{
    return b->len <= EDGE_LINE_MAX && contains_any(low, call_words);
}

/* A short label ending in a colon ("Contact:", "Tags:", "Filed under:"). */
static int is_label(const html_block *b)
{
    return b->len <= 40 && count_words(b->text) <= 4 && ends_with(b->text, ":");
}

/* 1 when the folded line low is one of words, the punctuation in trail
 * at its end aside. */
static int is_one_of(const char *low, const char *const *words, const char *trail)
{
    size_t n = strlen(low);
    while (n && strchr(trail, low[n - 1])) n--;
    for (const char *const *w = words; *w; w++)
        if (strlen(*w) == n && !strncmp(low, *w, n)) return 1;
    return 0;
}

/* A line that is only a control's label. */
static int is_control(const html_block *b, const char *low)
{
    while (*low == '-' || *low == ' ') low++; /* "- Anzeige -" */
    return b->len <= 30 && is_one_of(low, controls, " .:!»›>→-");
}

static int is_link_block(const html_block *b)
{
    return b->link * 10 >= b->weight * 9 && b->weight <= LINK_BLOCK_MAX;
}

/* ---- the passes ---------------------------------------------------------- */

/* 1 when the block is furniture at the top of an article. */
static int lead_furniture(const html_block *b, const char *low)
{
    return is_date_line(b, low) || is_byline_line(b, low) || is_label(b) ||
           is_link_block(b) || is_call_line(b, low);
}

/* 1 when the block is furniture at the end of an article. */
static int tail_furniture(const html_block *b, const char *low)
{
    return is_call_line(b, low) || is_label(b) || is_date_line(b, low) || is_link_block(b) ||
           is_byline_line(b, low);
}

/* Labels that open the block of contacts, sources or further reading a
 * press release or a report ends with; lower case. */
static const char *const tail_openers[] = {
    "kontakt", "pressekontakt", "medienkontakt", "ansprechpartner", "weitere informationen",
    "zusatzinformationen", "quellen", "quellenangaben", "über den autor", "über die autorin",
    "contact", "press contact", "media contact", "about the author", "sources", "contacto",
    "fuentes", "sources", "à propos de l'auteur", NULL};

/* A short line that is only one of the tail openers ("Kontakt:",
 * "Weitere Informationen", "Quellenangaben:"), or a label opening with
 * one and ending in a colon. */
static int is_tail_opener(const html_block *b, const char *low)
{
    if (b->len <= 40 && is_one_of(low, tail_openers, " .:")) return 1;
    /* "Weitere Informationen zum Thema:", a label that goes on */
    return b->len <= 80 && ends_with(b->text, ":") && starts_with_any(low, tail_openers);
}

#define TAIL_BLOCKS 12 /* the last kept blocks where a tail opener is looked for */
#define TAIL_SHARE 4  /* what follows it is at most 1/TAIL_SHARE of the text */

/* Cuts the body at a tail opener near its end: the label and every block
 * after it are the contacts or sources of the page, not its text.  The
 * walk from the end (trim_edge) cannot take them, since a contact's name
 * and phone number look like no furniture. */
static void cut_tail(html_blocks *blocks)
{
    char low[128];
    size_t total = 0, after = 0, seen = 0;
    for (size_t i = 0; i < blocks->len; i++)
        if (!blocks->items[i].removed) total += blocks->items[i].weight;
    for (size_t k = blocks->len; k-- > 0 && seen < TAIL_BLOCKS;) {
        html_block *b = &blocks->items[k];
        if (b->removed) continue;
        seen++;
        fold(b->text, low, sizeof low);
        if (is_tail_opener(b, low) && after * TAIL_SHARE <= total && after) {
            for (size_t j = k; j < blocks->len; j++) blocks->items[j].removed = 1;
            return;
        }
        after += b->weight;
    }
}

typedef int (*furniture_fn)(const html_block *b, const char *low);

/* Walks from one end (step +1 or -1) removing furniture up to the first
 * block that is not. */
static void trim_edge(html_blocks *blocks, int forward, furniture_fn is_furniture)
{
    char low[128];
    for (size_t k = 0; k < blocks->len; k++) {
        html_block *b = &blocks->items[forward ? k : blocks->len - 1 - k];
        if (b->removed) continue;
        fold(b->text, low, sizeof low);
        if (!is_furniture(b, low)) return;
        b->removed = 1;
    }
}

#define OPENING_BLOCKS 3 /* kept blocks looked at for a dated opening */

/* Press releases and agency copy open their first paragraph with the day
 * ("01.02.2022 - Der Arbeitsmarkt ist ...", "27.1.2022 - Bei der
 * Erinnerung ...", "(21. November 2022) Energieverbraucher ..."): the
 * dateline, glued to the text so it is not a line of its own.  A
 * paragraph among the first few that begins with a full date, bare or in
 * brackets, is offered (a story rarely opens on a bare date otherwise:
 * "Am 12. Juni ..."). */
static void dated_opening(html_page *pg, const html_blocks *blocks, int dmy)
{
    char iso[32];
    size_t at, seen = 0;
    for (size_t i = 0; i < blocks->len && seen < OPENING_BLOCKS; i++) {
        const html_block *b = &blocks->items[i];
        if (b->removed || b->kind == HK_HEADING || b->kind == HK_H1) continue;
        seen++;
        if (px_html_find_date(b->text, b->len, dmy, iso, &at) &&
            (at == 0 || (at == 1 && (b->text[0] == '(' || b->text[0] == '['))) &&
            !px_html_event_date(b->text, b->len, at)) {
            px_html_offer_date(pg, iso, DR_OPENING);
            return;
        }
    }
}

#define NEAR_TOP_BLOCKS 4 /* blocks of the body looked at for a kept byline */
#define NAME_LINE_WORDS 5 /* "Von Jane Roe": the opening and a name or two */

/* 1 when every word after the first of s opens with a capital (ASCII or
 * any non-ASCII letter): "Von Leonora Holling", not "Von der Leyen sagte". */
static int capitalised_after_first(const char *s)
{
    const char *w = strchr(s, ' ');
    if (!w) return 0;
    for (; w; w = strchr(w + 1, ' ')) {
        unsigned char c = (unsigned char)w[1];
        if (!((c >= 'A' && c <= 'Z') || c >= 0xC3)) return 0;
    }
    return 1;
}

/* A byline among the first blocks of the body that the walk in from the
 * top did not reach (a headline printed twice stood before it): a short
 * line of a byline word and capitalised names only. */
static void kept_byline(html_page *pg, html_blocks *blocks)
{
    char low[128];
    for (size_t i = 0, seen = 0; i < blocks->len && seen < NEAR_TOP_BLOCKS; i++) {
        html_block *b = &blocks->items[i];
        if (b->removed) continue;
        seen++;
        fold(b->text, low, sizeof low);
        if (is_byline_line(b, low) && count_words(b->text) <= NAME_LINE_WORDS &&
            capitalised_after_first(b->text) &&
            px_html_offer_authors(pg, b->text, b->len, AR_KEPT, 0))
            return;
    }
}

/* Where the kept blocks lie, and what the removed date lines among them
 * say: a dateline inside the article's text is rare, several of them on
 * different days are the dates of a list (the cards of other posts, the
 * rows of a table). */
typedef struct kept_span {
    size_t first, last; /* the first and the last kept block; first > last: none */
    int mixed_inside;   /* 1: date lines between them name more than one day */
} kept_span;

static kept_span span_of(const html_blocks *blocks, int dmy)
{
    kept_span k = {blocks->len, 0, 0};
    char low[128], iso[32], day[32] = "";
    for (size_t i = 0; i < blocks->len; i++)
        if (!blocks->items[i].removed) {
            if (k.first == blocks->len) k.first = i;
            k.last = i;
        }
    for (size_t i = k.first + 1; i < k.last && !k.mixed_inside; i++) {
        const html_block *b = &blocks->items[i];
        if (!b->removed) continue;
        fold(b->text, low, sizeof low);
        if (!is_date_line(b, low) || !px_html_find_date(b->text, b->len, dmy, iso, NULL)) continue;
        if (!*day) memcpy(day, iso, sizeof day);
        else if (strncmp(day, iso, 10)) k.mixed_inside = 1;
    }
    return k;
}

/* 1 when the removed date line b, the i-th block, dates something other
 * than the article:
 *  - a list item below the article's end is a reader comment's date line
 *    (comment threads are lists, each entry a linked date and a name);
 *  - a line inside the article, or below it, is a list's when the lines
 *    inside name different days (span_of());
 *  - a line inside the article is a table's when it is mostly link text: a wiki
 *    links the day and the year of every event it tabulates, while a
 *    dateline is plain text. */
static int other_days_line(const html_block *b, size_t i, const kept_span *k)
{
    if (k->first > k->last) return 0;
    if (b->li && b->link && i > k->last) return 1;
    if (i > k->first && k->mixed_inside) return 1; /* the list goes on below the end */
    return i > k->first && i < k->last && b->link * 2 > b->weight;
}

/* Fields in the lines taken off at the edges of the body: when the page
 * named no author, a byline ("Von Klaus Stanjek", "Text: Jane Roe") names
 * them; a date line ("Erstellt am: 01.11.2023") is a date the reader sees,
 * a candidate (html_datepick.c weighs it), unless it dates
 * something else: an event, a comment, a list (other_days_line()). */
static void offer_fields(html_page *pg, html_blocks *blocks)
{
    char low[128], iso[32];
    int dmy = !(pg->a->language && !strcmp(pg->a->language, "en"));
    kept_span span = span_of(blocks, dmy);
    for (size_t i = 0; i < blocks->len; i++) {
        html_block *b = &blocks->items[i];
        if (!b->removed) continue;
        fold(b->text, low, sizeof low);
        int date = is_date_line(b, low);
        if (!px_html_has_authors(pg, AR_BODY_LINE) && is_byline_line(b, low) && !date)
            px_html_offer_authors(pg, b->text, b->len, AR_BODY_LINE, 0);
        size_t at;
        if (date && !other_days_line(b, i, &span) &&
            px_html_find_date(b->text, b->len, dmy, iso, &at) &&
            !px_html_event_date(b->text, b->len, at))
            px_html_offer_date(pg, iso, DR_BODY_LINE);
    }
    dated_opening(pg, blocks, dmy);
    if (!px_html_has_authors(pg, AR_BODY_LINE)) kept_byline(pg, blocks);
}

size_t px_html_judge_blocks(html_page *pg, html_blocks *blocks)
{
    int headline_seen = 0;
    char low[128];
    for (size_t i = 0; i < blocks->len; i++) {
        html_block *b = &blocks->items[i];
        if (b->removed) continue;
        if (b->kind == HK_H1 && !headline_seen) headline_seen = 1, b->removed = 1;
        if (pg->a->title && !strcmp(b->text, pg->a->title)) b->removed = 1;
        if (is_link_block(b)) b->removed = 1;
        if (b->removed) continue;
        fold(b->text, low, sizeof low);
        if (is_read_also(b, low) || is_credit_line(b, low) || is_control(b, low)) b->removed = 1;
    }
    trim_edge(blocks, 1, lead_furniture);
    trim_edge(blocks, 0, tail_furniture);
    cut_tail(blocks);
    size_t kept = 0;
    for (size_t i = 0; i < blocks->len; i++) kept += !blocks->items[i].removed;
    return kept;
}

void px_html_free_blocks(html_blocks *blocks)
{
    for (size_t i = 0; i < blocks->len; i++) free(blocks->items[i].text);
    px_vec_free(blocks);
}

void px_html_emit_blocks(html_page *pg, html_blocks *blocks)
{
    offer_fields(pg, blocks);
    for (size_t i = 0; i < blocks->len; i++) {
        html_block *b = &blocks->items[i];
        if (b->removed) px_article_add_removed(pg->a, b->text, b->len);
        else px_article_add_paragraph(pg->a, b->text, b->len);
        free(b->text);
    }
    px_vec_free(blocks);
}
