/*
 * test_story.c — story grouping: the key map and document frequencies,
 * story sums and their bytes, and the clusterer on small articles written
 * here: two reports of one earthquake join, two earthquakes in different
 * places and months do not (the hard negative), a copy is marked as one,
 * stories leave memory after the window, batch grouping is the same
 * whatever the input order, shared quotations hold articles together and
 * names shared only as places do less.
 */
#include <math.h>

#include "story/refine.h"
#include "unit_story.h"

/* Reports: two of an earthquake in Turkey, two of one in Morocco, written
 * alike on purpose (same kind of event, same wording), and a copy. */
static const char *const records[] = {
    "{\"id\":\"t1\",\"date\":\"2023-02-06\",\"title\":\"Powerful earthquake kills hundreds in "
    "southern Turkey\",\"text\":\"A magnitude 7.8 earthquake struck southern Turkey near Gaziantep "
    "early on Monday, killing at least 1,300 people and toppling buildings across the region.\\n\\n"
    "Rescuers in Kahramanmaras and Hatay searched the rubble through the night, said Yunus Sezer, "
    "head of the disaster agency AFAD.\\n\\nThe quake was felt as far away as Cyprus and Lebanon.\"}",
    "{\"id\":\"t2\",\"date\":\"2023-02-07\",\"title\":\"Turkey earthquake: death toll climbs past "
    "1,300\",\"text\":\"The death toll from the 7.8 magnitude earthquake in southern Turkey rose "
    "above 1,300 as rescuers dug through collapsed buildings in Gaziantep, Kahramanmaras and "
    "Hatay.\\n\\nYunus Sezer of AFAD said teams worked through the night.\\n\\nThe earthquake shook "
    "Cyprus and Lebanon.\"}",
    "{\"id\":\"m1\",\"date\":\"2023-09-09\",\"title\":\"Powerful earthquake kills hundreds in "
    "Morocco\",\"text\":\"A magnitude 6.8 earthquake struck Morocco's High Atlas mountains late on "
    "Friday, killing at least 820 people and toppling buildings in villages south of Marrakech.\\n\\n"
    "Rescuers in Al Haouz and Taroudant searched the rubble through the night, said Rachid El Khalfi "
    "of the interior ministry.\\n\\nThe quake was felt as far away as Rabat and Casablanca.\"}",
    "{\"id\":\"m2\",\"date\":\"2023-09-10\",\"title\":\"Morocco earthquake: death toll rises above "
    "820\",\"text\":\"The death toll from the 6.8 magnitude earthquake in Morocco rose above 820 as "
    "rescuers dug through collapsed homes in Al Haouz and Taroudant, south of Marrakech.\\n\\n"
    "Rachid El Khalfi of the interior ministry said teams worked through the night.\\n\\nThe "
    "earthquake shook Rabat and Casablanca.\"}",
    "{\"id\":\"m1copy\",\"date\":\"2023-09-10\",\"title\":\"Earthquake kills hundreds in Morocco\","
    "\"text\":\"A magnitude 6.8 earthquake struck Morocco's High Atlas mountains late on "
    "Friday, killing at least 820 people and toppling buildings in villages south of Marrakech.\\n\\n"
    "Rescuers in Al Haouz and Taroudant searched the rubble through the night, said Rachid El Khalfi "
    "of the interior ministry.\\n\\nThe quake was felt as far away as Rabat and Casablanca.\"}",
};
#define NREC (sizeof records / sizeof *records)

static void keymap_counts_and_filters(void **state)
{
    (void)state;
    px_keymap m = {0};
    for (uint64_t k = 0; k < 5000; k++) *px_keymap_slot_of(&m, k * 7919) += (uint32_t)(k % 3 + 1);
    assert_int_equal(m.len, 5000);
    assert_int_equal(px_keymap_get(&m, 7919 * 10), 2);
    assert_int_equal(px_keymap_get(&m, 0), 1); /* key 0 is kept as 1 */
    assert_int_equal(px_keymap_get(&m, 123456789), 0);
    px_keymap_free(&m);
}

static void df_stays_bounded_and_round_trips(void **state)
{
    (void)state;
    px_df df;
    px_df_init(&df, 1000);
    for (uint64_t doc = 0; doc < 3000; doc++) {
        uint64_t keys[3] = {42, 43, 100000 + doc}; /* two common keys, one rare */
        px_df_add(&df, keys, 3);
        assert_true(df.counts.len <= 1000);
    }
    assert_int_equal(px_keymap_get(&df.counts, 42), 3000);
    assert_true(px_df_idf(&df, 42) < px_df_idf(&df, 999999999));
    px_buf b = {0};
    px_df_save(&df, &b);
    px_df copy;
    px_df_init(&copy, 1000);
    assert_int_equal(px_df_load(&copy, b.data, b.len), 0);
    assert_int_equal(copy.docs, 3000);
    assert_int_equal(px_keymap_get(&copy.counts, 43), 3000);
    assert_int_equal(px_df_load(&copy, "junk", 4), -1);
    px_buf_free(&b);
    px_df_free(&df);
    px_df_free(&copy);
}

static void docs_find_names_and_numbers(void **state)
{
    (void)state;
    px_doc d;
    build(&d, records[0]);
    const char *want[] = {"Gaziantep", "Kahramanmaras", "Cyprus"};
    for (size_t i = 0; i < 3; i++) {
        uint64_t k = px_name_key(want[i], strlen(want[i]));
        int found = 0;
        for (size_t j = 0; j < d.specifics.len; j++) found |= d.specifics.items[j].key == k;
        assert_true(found);
    }
    uint64_t k = px_number_key("1,300", 5);
    assert_int_equal(k, px_number_key("1300", 4));
    int found = 0;
    for (size_t j = 0; j < d.specifics.len; j++) found |= d.specifics.items[j].key == k;
    assert_true(found);
    assert_int_equal(px_number_key("7", 1), 0); /* one digit says little */
    assert_int_equal(d.p.day, px_day_of("2023-02-06"));
    px_doc_free(&d);
}

/* A title's outlet tail longer than the headline ("... - KSLA News 12
 * Shreveport, Louisiana News Weather & Sports") is dropped, so the body,
 * which never repeats it, is not taken for a scraped page of other news. */
static void outlet_tail_is_no_headline(void **state)
{
    (void)state;
    px_doc d;
    build(&d, "{\"id\":\"k1\",\"date\":\"2017-01-23\",\"title\":\"Third victim in Metairie shooting "
              "dies - KSLA News 12 Shreveport, Louisiana News Weather & Sports\",\"text\":\"A woman who "
              "was wounded in a Sunday night shooting in Metairie has died, bringing the number of "
              "fatalities to three.\\n\\nDaneka Lotts, 24, Monica Bates, 16, and Malcolm Wallace, 25, "
              "were shot inside a car on South Laurel Street.\\n\\nThe sheriff, Newell Normand, said "
              "deputies found the car on the street.\"}");
    uint64_t normand = px_name_key("normand", 7), shreveport = px_name_key("shreveport", 10);
    int found_normand = 0, found_shreveport = 0;
    for (size_t j = 0; j < d.specifics.len; j++) {
        found_normand |= d.specifics.items[j].key == normand;
        found_shreveport |= d.specifics.items[j].key == shreveport;
    }
    assert_true(found_normand);     /* the body's names: it is the article */
    assert_false(found_shreveport); /* the outlet's tail is not */
    px_doc_free(&d);
}

static void story_bytes_round_trip(void **state)
{
    (void)state;
    px_doc d[2];
    build(&d[0], records[0]);
    build(&d[1], records[1]);
    px_story s, t;
    px_story_init(&s, 7);
    px_story_add(&s, 1, &d[0]);
    px_story_add(&s, 2, &d[1]);
    px_buf b = {0};
    px_story_save(&s, &b);
    assert_int_equal(px_story_load(&t, b.data, b.len), 0);
    assert_int_equal(t.id, 7);
    assert_int_equal(t.size, 2);
    assert_int_equal(t.first_day, s.first_day);
    assert_int_equal(t.last_day, s.first_day + 1);
    assert_int_equal(t.terms.len, s.terms.len);
    assert_int_equal(t.members.len, 2);
    px_story_params p;
    px_story_params_default(&p);
    px_match m1, m2;
    px_story_match(&s, &d[0], &p, &m1);
    px_story_match(&t, &d[0], &p, &m2);
    assert_float_equal(m1.score, m2.score, 1e-6);
    px_story_free(&t);
    assert_int_equal(px_story_load(&t, b.data, b.len - 1), -1); /* truncated */
    px_buf_free(&b);
    px_story_free(&s);
    px_doc_free(&d[0]);
    px_doc_free(&d[1]);
}

/* The indexed dot is the merge's to the last bit, and the indexed count
 * of shared keys the merge's, on vectors of all sizes with keys that
 * crowd the same slots (a shared high half) and a key 0; lookups find
 * every key of the vector and none other. */
static void indexed_dot_is_the_merge(void **state)
{
    (void)state;
    uint64_t seed = 12345;
    for (size_t n = 0; n < 700; n += 7) {
        px_features a = {0}, b = {0};
        for (size_t i = 0; i < 2 * n + 3; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            uint64_t key = i % 5 == 0 ? seed >> 60 : (0xabcdULL << 48) | (seed >> 40);
            px_feature f = {key, 1, (float)(seed % 1000) / 997.0f};
            px_vec_push(i % 3 ? &a : &b, f);
        }
        px_features_merge(&a);
        px_features_merge(&b);
        px_key_index bx = {0};
        px_key_index_features(&bx, &b);
        assert_true(px_features_dot_indexed(&a, &b, &bx) == px_features_dot(&a, &b));
        for (size_t i = 0; i < b.len; i++)
            assert_ptr_equal(px_features_find(&b, &bx, b.items[i].key), &b.items[i]);
        for (size_t i = 0; i < a.len; i++) {
            const px_feature *f = px_features_find(&b, &bx, a.items[i].key);
            assert_true(!f || f->key == a.items[i].key);
        }
        px_keys ka = {0}, kb = {0};
        for (size_t i = 0; i < a.len; i++) px_vec_push(&ka, a.items[i].key);
        for (size_t i = 0; i < b.len; i++) px_vec_push(&kb, b.items[i].key);
        px_key_index kx = {0};
        px_key_index_keys(&kx, &kb);
        assert_int_equal(px_keys_shared_indexed(&ka, &kb, &kx), px_keys_shared(&ka, &kb));
        px_key_index_free(&kx);
        px_vec_free(&ka);
        px_vec_free(&kb);
        px_vec_push(&b, b.items[0]); /* the index no longer fits b: the merge answers */
        assert_true(px_features_dot_indexed(&a, &b, &bx) == px_features_dot(&a, &b));
        px_key_index_free(&bx);
        px_vec_free(&a);
        px_vec_free(&b);
    }
}

/* The simhash is the one counted bit by bit over px_body_shingles(), on a
 * body long enough (6,000 words) to fill the byte counters many times;
 * the fingerprint, hashed in the same pass, the one chained word by word. */
static void simhash_counts_every_shingle(void **state)
{
    (void)state;
    px_buf json = {0};
    px_buf_puts(&json, "{\"id\":\"long\",\"text\":\"");
    uint64_t seed = 99;
    for (int i = 0; i < 6000; i++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        for (int k = 0; k < 2 + (int)(seed >> 62); k++) px_buf_putc(&json, (char)('a' + (seed >> (8 * k + 3)) % 26));
        px_buf_puts(&json, i % 12 == 11 ? ". " : " ");
    }
    px_buf_puts(&json, "\"}");
    px_article *a = article(px_buf_str(&json));
    px_analysis *an;
    assert_int_equal(px_analyze(ctx, a, &an, NULL), PX_OK);
    px_profile p;
    px_profile_build(&p, a, an, NULL);
    px_keys sh = {0};
    px_body_shingles(an, &sh);
    assert_true(sh.len > 16 * 255 + 15);
    uint64_t want = 0;
    for (int b = 0; b < 64; b++) {
        size_t ones = 0;
        for (size_t i = 0; i < sh.len; i++) {
            uint64_t h = sh.items[i];
            h ^= h >> 33, h *= 0xff51afd7ed558ccdULL, h ^= h >> 33;
            ones += h >> b & 1;
        }
        if (2 * ones > sh.len) want |= 1ULL << b;
    }
    assert_true(p.simhash == want);
    uint64_t fp = 1469598103934665603ULL; /* the fingerprint: FNV-1a of the norms, spaced */
    for (size_t i = 0; i < an->tokens.len; i++) {
        const px_token *t = &an->tokens.items[i];
        if (t->kind != PX_TOKEN_WORD && t->kind != PX_TOKEN_NUMBER) continue;
        for (const char *c = t->norm; *c; c++) fp = (fp ^ (unsigned char)*c) * 1099511628211ULL;
        fp = (fp ^ ' ') * 1099511628211ULL;
    }
    assert_true(p.fingerprint == fp);
    px_vec_free(&sh);
    px_profile_free(&p);
    px_analysis_free(an);
    px_article_free(a);
    px_buf_free(&json);
}

/* Reference order of a capped vector: heavier first, ties by smaller key. */
static int heavier_first(const void *x, const void *y)
{
    const px_feature *a = x, *b = y;
    if (a->weight != b->weight) return a->weight > b->weight ? -1 : 1;
    return a->key < b->key ? -1 : a->key > b->key;
}

/* A story's vectors keep their PX_STORY_TERMS strongest keys (ties by key),
 * in key order, whatever selection does it: checked against a full sort on
 * vectors with many equal weights, over two additions. */
static void story_caps_to_strongest_keys(void **state)
{
    (void)state;
    px_story s;
    px_story_init(&s, 1);
    px_features all = {0};
    for (int round = 0; round < 2; round++) {
        px_doc d;
        memset(&d, 0, sizeof d);
        d.p.day = PX_NO_DAY;
        for (uint64_t k = 1; k <= 3 * PX_STORY_TERMS; k++) {
            /* 17 distinct weights: ties everywhere, the second round shifted */
            px_feature f = {k, 1, (float)((k * 7 + (uint64_t)round * 5) % 17) / 17.0f};
            px_vec_push(&d.p.terms, f);
        }
        if (round == 0) {
            for (size_t i = 0; i < d.p.terms.len; i++) px_vec_push(&all, d.p.terms.items[i]);
        } else { /* the expected sum: the kept keys plus this round's weights */
            px_features sum = {0};
            for (size_t i = 0; i < d.p.terms.len; i++) {
                px_feature f = d.p.terms.items[i];
                for (size_t j = 0; j < all.len; j++)
                    if (all.items[j].key == f.key) f.weight += all.items[j].weight, f.tf = 1;
                px_vec_push(&sum, f);
            }
            px_vec_free(&all);
            all = sum;
        }
        px_story_add(&s, (int64_t)round, &d);
        qsort(all.items, all.len, sizeof *all.items, heavier_first);
        all.len = PX_STORY_TERMS;
        assert_int_equal(s.terms.len, PX_STORY_TERMS);
        for (size_t i = 1; i < s.terms.len; i++)
            assert_true(s.terms.items[i - 1].key < s.terms.items[i].key);
        for (size_t i = 0; i < all.len; i++) {
            int found = 0;
            for (size_t j = 0; j < s.terms.len; j++)
                if (s.terms.items[j].key == all.items[i].key) {
                    assert_true(s.terms.items[j].weight == all.items[i].weight);
                    found = 1;
                }
            assert_true(found);
        }
        /* the next round sums onto what the story kept */
        px_vec_free(&all);
        for (size_t i = 0; i < s.terms.len; i++) px_vec_push(&all, s.terms.items[i]);
        px_doc_free(&d);
    }
    px_vec_free(&all);
    px_story_free(&s);
}

/* The online clusterer, as `parallax add` runs it. */
static void stream_separates_two_earthquakes(void **state)
{
    (void)state;
    px_story_params p;
    px_story_params_default(&p);
    px_clusterer *c = px_clusterer_new(&p, 1);
    px_decision dec[NREC];
    for (size_t i = 0; i < NREC; i++) {
        px_doc d;
        build(&d, records[i]);
        px_clusterer_add(c, (int64_t)i + 1, &d, &dec[i]);
        px_doc_free(&d);
    }
    assert_true(dec[0].created);
    assert_false(dec[1].created);
    assert_int_equal(dec[1].story, dec[0].story);
    assert_true(dec[1].match.score >= p.threshold);
    assert_true(dec[2].created); /* another earthquake: a new story */
    assert_int_not_equal(dec[2].story, dec[0].story);
    assert_int_equal(dec[3].story, dec[2].story);
    assert_int_equal(dec[4].story, dec[2].story);
    assert_int_equal(dec[4].copy_of, 3); /* m1copy copies m1, added as article 3 */
    assert_int_equal(dec[3].copy_of, -1);
    /* months later the Turkish story is out of the window */
    assert_int_equal(px_clusterer_expire(c, NULL, NULL), 1);
    px_clusterer_free(c);
}

static void batch_ignores_input_order(void **state)
{
    (void)state;
    px_story_params p;
    px_story_params_default(&p);
    int64_t story[2][NREC], copy[NREC];
    for (int pass = 0; pass < 2; pass++) {
        px_doc docs[NREC];
        for (size_t i = 0; i < NREC; i++) build(&docs[i], records[pass ? NREC - 1 - i : i]);
        int64_t got[NREC];
        assert_int_equal(px_cluster_batch(docs, NREC, &p, 1, got, pass ? NULL : copy), 2);
        for (size_t i = 0; i < NREC; i++) story[pass][pass ? NREC - 1 - i : i] = got[i];
        for (size_t i = 0; i < NREC; i++) px_doc_free(&docs[i]);
    }
    /* the same partition, numbered by the order stories start (by date) */
    for (size_t i = 0; i < NREC; i++) assert_int_equal(story[0][i], story[1][i]);
    assert_int_equal(story[0][0], story[0][1]);
    assert_int_equal(story[0][2], story[0][3]);
    assert_int_not_equal(story[0][0], story[0][2]);
    assert_int_equal(copy[4], 2);
}

/* Quotations: unshared ones cost nothing (outlets quote different
 * people), shared ones raise the score even past the hard negative. */
static void shared_quotes_add_to_the_score(void **state)
{
    (void)state;
    px_story_params p;
    px_story_params_default(&p);
    px_match unmeasured = {0, 0.3, 0.05, -1, 0}, none = unmeasured, half = unmeasured;
    none.quotes = 0;
    half.quotes = 0.5;
    px_story_combine(&unmeasured, &p);
    px_story_combine(&none, &p);
    px_story_combine(&half, &p);
    assert_float_equal(none.score, unmeasured.score, 1e-12);
    assert_float_equal(half.score, unmeasured.score + 0.5 * p.w_quotes, 1e-12);
    assert_true(unmeasured.score < p.threshold && half.score >= p.threshold);
}

/* A unit vector of n keys from first, all weighed alike. */
static void unit_features(px_features *f, uint64_t first, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        px_feature x = {first + i, 1, (float)(1 / sqrt((double)n))};
        px_vec_push(f, x);
    }
}

/* Two undated articles of 16 terms each, shifted so that 16 - shift are
 * shared, and, when names, of 10 specifics sharing one (key 5009). */
static void two_docs(px_doc d[2], uint64_t shift, int names)
{
    memset(d, 0, 2 * sizeof *d);
    for (int i = 0; i < 2; i++) {
        d[i].p.day = PX_NO_DAY;
        unit_features(&d[i].p.terms, 1000 + shift * (uint64_t)i, 16);
        if (names) unit_features(&d[i].specifics, 5000 + 9 * (uint64_t)i, 10);
    }
}

/* Refinement scores quotations as online grouping does: two articles with
 * few words in common (terms cosine 1/16) but the same quotation stay
 * together; without their quotes they part. */
static void refine_keeps_articles_that_share_quotes(void **state)
{
    (void)state;
    px_story_params p;
    px_story_params_default(&p);
    px_doc d[2];
    two_docs(d, 15, 0); /* one term shared */
    int64_t story[2] = {0, 0};
    assert_int_equal(px_refine(d, 2, &p, 2, story), 1);
    assert_int_not_equal(story[0], story[1]);
    for (int i = 0; i < 2; i++) px_quote_shingles("we will rebuild every house in this valley", &d[i].p.quotes);
    for (int i = 0; i < 2; i++) px_keys_unique(&d[i].p.quotes);
    story[0] = story[1] = 0;
    assert_int_equal(px_refine(d, 2, &p, 2, story), 0);
    assert_int_equal(story[0], story[1]);
    for (int i = 0; i < 2; i++) px_doc_free(&d[i]);
}

/* Two deaths on one mountain share its names and nothing else: the match
 * says so, and the score is lowered by place_factor. */
static const char *const climbs[] = {
    "{\"id\":\"a\",\"text\":\"A climber fell to his death on Mount Cook in New Zealand on "
    "Thursday, police said.\\n\\nThe climber, Mark Vinar, 43, was a doctor from Perth.\"}",
    "{\"id\":\"b\",\"text\":\"A British climber died on Mount Cook in New Zealand on "
    "Saturday.\\n\\nThe climber, Robert Buckley, 32, fell while climbing, said Inspector Dave "
    "Gaskin.\"}",
    "{\"id\":\"c\",\"text\":\"The brother of Mark Vinar, a doctor from Perth, said he saw him "
    "fall from Mount Cook in New Zealand.\"}",
};

static void names_shared_only_as_places(void **state)
{
    (void)state;
    px_story_params p;
    px_story_params_default(&p);
    px_doc d[3];
    for (int i = 0; i < 3; i++) build(&d[i], climbs[i]);
    assert_true(d[0].places.len >= 4); /* Mount Cook, New Zealand, their words, Perth */
    px_story s;
    px_story_init(&s, 1);
    px_story_add(&s, 1, &d[0]);
    px_match other, same;
    px_story_match(&s, &d[1], &p, &other);
    px_story_match(&s, &d[2], &p, &same);
    assert_int_equal(other.places_only, 1);
    assert_int_equal(same.places_only, 0); /* Vinar */
    px_match unscaled = other;
    unscaled.places_only = 0;
    px_story_combine(&unscaled, &p);
    assert_float_equal(other.score, unscaled.score * p.place_factor, 1e-12);
    /* the story keeps its places through its bytes */
    px_buf b = {0};
    px_story_save(&s, &b);
    px_story t;
    assert_int_equal(px_story_load(&t, b.data, b.len), 0);
    assert_int_equal(t.places.len, s.places.len);
    px_story_match(&t, &d[1], &p, &other);
    assert_int_equal(other.places_only, 1);
    px_buf_free(&b);
    px_story_free(&t);
    px_story_free(&s);
    for (int i = 0; i < 3; i++) px_doc_free(&d[i]);
}

/* Refinement asks the same of an article and the rest of its story: two
 * articles whose one shared name is a place part when that lowers them
 * under the threshold (terms cosine 1/4, specifics 1/10: 0.13 x 0.7). */
static void refine_parts_articles_that_share_only_places(void **state)
{
    (void)state;
    px_story_params p;
    px_story_params_default(&p);
    px_doc d[2];
    two_docs(d, 12, 1); /* 4 terms shared */
    int64_t story[2] = {0, 0};
    assert_int_equal(px_refine(d, 2, &p, 2, story), 0); /* 0.13: together */
    for (int i = 0; i < 2; i++) px_vec_push(&d[i].places, (uint64_t)5009);
    assert_int_equal(px_refine(d, 2, &p, 2, story), 1);
    assert_int_not_equal(story[0], story[1]);
    for (int i = 0; i < 2; i++) px_doc_free(&d[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keymap_counts_and_filters),
        cmocka_unit_test(df_stays_bounded_and_round_trips),
        cmocka_unit_test(docs_find_names_and_numbers),
        cmocka_unit_test(outlet_tail_is_no_headline),
        cmocka_unit_test(story_bytes_round_trip),
        cmocka_unit_test(story_caps_to_strongest_keys),
        cmocka_unit_test(indexed_dot_is_the_merge),
        cmocka_unit_test(simhash_counts_every_shingle),
        cmocka_unit_test(stream_separates_two_earthquakes),
        cmocka_unit_test(batch_ignores_input_order),
        cmocka_unit_test(shared_quotes_add_to_the_score),
        cmocka_unit_test(refine_keeps_articles_that_share_quotes),
        cmocka_unit_test(names_shared_only_as_places),
        cmocka_unit_test(refine_parts_articles_that_share_only_places),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
