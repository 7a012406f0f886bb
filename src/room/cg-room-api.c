/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-room-api.c: one request in, one response out (ROOM.md "URLs").
 *
 * Everything a phone can do passes through cg_room_handle(). Its rules:
 * - Without the room's key a request learns nothing: every path that is not
 *   under /r/KEY/ gets the same 404 as a wrong key, and wrong keys count
 *   towards the address's limit.
 * - A request is checked completely before anything changes: body size,
 *   content type, JSON shape (only the fields ROOM.md names), ids that exist
 *   and are of the right kind, values in range. Any refusal is a 4xx and
 *   leaves the session untouched.
 * - A seat sees only its own answers. Before the stage's answers may be
 *   shown, the only thing it learns about the others is how many answered;
 *   after, counts per value and the level, never who gave which.
 */
#define G_LOG_DOMAIN "cg-room"
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cg-room-private.h"
#include "cg-room-page-strings.h"
#include "cg-room-secret.h"

#define PAGE_RESOURCE "/io/github/commonground/CommonGround/room/"
#define CTX "room"

typedef struct
{
  CgRoom *room;
  const CgRoomRequest *req;
  CgRoomResponse *res;
  const char *lang;
} Call;

/* Errors ------------------------------------------------------------------------ */

typedef struct
{
  const char *code;
  guint status;
  const char *message;
} ErrorInfo;

static const ErrorInfo errors[] = {
  { "not-found", 404,
    NC_("room", "There is nothing here. Check the address with the facilitator.") },
  { "no-seat", 401,
    NC_("room", "This phone has no seat in the room any more. Choose who you are again.") },
  { "seat-taken", 409,
    NC_(
      "room",
      "Someone has already joined as this partner. If it was not you, ask the facilitator to free the seat.") },
  { "room-locked", 423,
    NC_("room", "The room is locked: nobody new can join. Ask the facilitator.") },
  { "unknown-partner", 400, NC_("room", "There is no such partner in this workshop.") },
  { "bad-request", 400, NC_("room", "The room could not understand what this phone sent.") },
  { "unknown-field", 400, NC_("room", "The phone sent something the room does not know.") },
  { "unknown-item", 400,
    NC_("room", "There is no such statement, aim or task in this workshop.") },
  { "bad-value", 400, NC_("room", "That answer is not one of the choices.") },
  { "too-long", 400, NC_("room", "The comment is too long: at most 2,000 characters.") },
  { "too-large", 413, NC_("room", "What this phone sent is too large.") },
  { "wrong-type", 415, NC_("room", "The room only understands JSON.") },
  { "wrong-method", 405, NC_("room", "The room does not do that here.") },
  { "too-many-tries", 429,
    NC_("room", "Too many tries from this phone. Wait a minute, then try again.") },
  { "too-fast", 429,
    NC_("room", "Answers are arriving too fast. Wait a moment, then send again.") },
  { "unavailable", 503, NC_("room", "The room cannot take this now. Try again.") },
};

static void
set_json_node (Call     *call,
               guint     status,
               JsonNode *root)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  gsize len = 0;
  char *data;

  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &len);
  g_clear_pointer (&call->res->body, g_bytes_unref);
  call->res->body = g_bytes_new_take (data, len);
  call->res->status = status;
  call->res->content_type = "application/json";
}

static void
set_json (Call        *call,
          guint        status,
          JsonBuilder *builder)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);

  set_json_node (call, status, root);
}

/* A person who opens a wrong address in a browser reads a sentence, not
 * JSON. The page is built from nothing but the request's language: the same
 * bytes for every unknown path and every wrong key, no title, no partner,
 * nothing to load (the CSP allows nothing inline, and a stranger has no key
 * for the page's own style sheet). */
static gboolean
wants_html (const CgRoomRequest *req)
{
  return (g_str_equal (req->method, "GET") || g_str_equal (req->method, "HEAD")) &&
         req->accept != NULL && strstr (req->accept, "text/html") != NULL;
}

static void
set_not_found_page (Call            *call,
                    const ErrorInfo *info)
{
  g_autofree char *title =
    g_markup_escape_text (cg_room_translate (call->lang, CTX, NC_("room", "Not found")), -1);
  g_autofree char *message =
    g_markup_escape_text (cg_room_translate (call->lang, CTX, info->message), -1);
  char *page =
    g_strdup_printf ("<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<meta name=\"color-scheme\" content=\"light dark\">\n"
                     "<meta name=\"referrer\" content=\"no-referrer\">\n"
                     "<title>%s</title>\n</head>\n<body>\n<main>\n<h1>%s</h1>\n<p>%s</p>\n"
                     "</main>\n</body>\n</html>\n",
                     call->lang, title, title, message);

  g_clear_pointer (&call->res->body, g_bytes_unref);
  call->res->body = g_bytes_new_take (page, strlen (page));
  call->res->status = info->status;
  call->res->content_type = "text/html; charset=utf-8";
}

static void
fail (Call       *call,
      const char *code)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  const ErrorInfo *info = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (errors) && info == NULL; i++)
    if (g_str_equal (errors[i].code, code))
      info = &errors[i];
  g_assert (info != NULL);
  if (info->status == 404 && wants_html (call->req))
    return set_not_found_page (call, info);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "error");
  json_builder_add_string_value (b, info->code);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, cg_room_translate (call->lang, CTX, info->message));
  json_builder_end_object (b);
  set_json (call, info->status, b);
  if (info->status == 429)
    call->res->retry_after = g_str_equal (code, "too-fast") ? 1 : CG_ROOM_BLOCK_SECONDS;
}

/* Language and ids --------------------------------------------------------------- */

const char *
cg_room_pick_language (const char *accept_language)
{
  g_auto (GStrv) ranges = NULL;
  double best_de = -1, best_en = -1;

  if (accept_language == NULL || strlen (accept_language) > 1024)
    return "en";
  ranges = g_strsplit (accept_language, ",", 64);
  for (guint i = 0; ranges[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (ranges[i], ";", 8);
      g_autofree char *tag = NULL;
      double q = 1.0;

      /* "de,,en" and a trailing comma give empty ranges (and no parts). */
      if (parts[0] == NULL)
        continue;
      tag = g_ascii_strdown (g_strstrip (parts[0]), -1);

      for (guint k = 1; parts[k] != NULL; k++)
        {
          const char *param = g_strstrip (parts[k]);

          if (g_str_has_prefix (param, "q="))
            q = g_ascii_strtod (param + 2, NULL);
        }
      if (!(q > 0 && q <= 1))
        continue;
      if ((g_str_equal (tag, "de") || g_str_has_prefix (tag, "de-")) && q > best_de)
        best_de = q;
      else if ((g_str_equal (tag, "en") || g_str_has_prefix (tag, "en-")) && q > best_en)
        best_en = q;
    }
  return best_de > best_en ? "de" : "en";
}

gboolean
cg_room_parse_id (const char *text,
                  char        prefix,
                  guint      *out)
{
  guint64 value;
  gsize digits;

  if (text == NULL || text[0] != prefix || text[1] < '1' || text[1] > '9')
    return FALSE;
  digits = strspn (text + 1, "0123456789");
  if (digits != strlen (text + 1) || digits > 10)
    return FALSE;
  value = g_ascii_strtoull (text + 1, NULL, 10);
  if (value == 0 || value >= G_MAXUINT)
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

static char *
format_id (char  prefix,
           guint id)
{
  return g_strdup_printf ("%c%u", prefix, id);
}

void
cg_room_json_add_id (JsonBuilder *b,
                     const char  *name,
                     char         prefix,
                     guint        id)
{
  g_autofree char *text = format_id (prefix, id);

  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, text);
}

/* Request bodies -------------------------------------------------------------------- */

/* json-glib's parser recurses once per level: a 16 KiB body of '[' would
 * go 16,000 frames deep. Our bodies are flat, so anything deeper than a
 * few levels is refused before parsing. */
static gboolean
depth_ok (const guint8 *body,
          gsize         len)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      guint8 c = body[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > CG_ROOM_MAX_JSON_DEPTH)
            return FALSE;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }
  return TRUE;
}

static gboolean
is_json_type (const char *content_type)
{
  g_autofree char *type = NULL;
  const char *semicolon;

  if (content_type == NULL)
    return FALSE;
  semicolon = strchr (content_type, ';');
  type =
    g_strstrip (g_ascii_strdown (content_type, semicolon != NULL ? semicolon - content_type : -1));
  return g_str_equal (type, "application/json");
}

/* The body as a JSON object whose members are all in @allowed (a
 * NULL-terminated list); NULL after a refusal has been set. */
static JsonObject *
parse_body (Call              *call,
            JsonParser        *parser,
            const char *const *allowed)
{
  const CgRoomRequest *req = call->req;
  JsonNode *root;
  JsonObject *object;
  g_autoptr (GList) members = NULL;

  if (req->body_len > CG_ROOM_MAX_BODY)
    return fail (call, "too-large"), NULL;
  if (!is_json_type (req->content_type))
    return fail (call, "wrong-type"), NULL;
  if (req->body_len == 0 || !depth_ok (req->body, req->body_len) ||
      !g_utf8_validate ((const char *) req->body, req->body_len, NULL) ||
      memchr (req->body, '\0', req->body_len) != NULL ||
      !json_parser_load_from_data (parser, (const char *) req->body, req->body_len, NULL))
    return fail (call, "bad-request"), NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (call, "bad-request"), NULL;
  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      return fail (call, "unknown-field"), NULL;
  return object;
}

/* The member's string, or NULL (absent, null or not a string). */
static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_is_null (JsonObject *object,
                const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_NULL (node);
}

/* A whole number member (JSON integer, not 4.0 or "4"). */
static gboolean
member_int (JsonObject *object,
            const char *name,
            gint64     *out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

/* The page -------------------------------------------------------------------------- */

static const char *
static_type (const char *name)
{
  if (g_str_has_suffix (name, ".html"))
    return "text/html; charset=utf-8";
  if (g_str_has_suffix (name, ".js"))
    return "text/javascript; charset=utf-8";
  if (g_str_has_suffix (name, ".css"))
    return "text/css; charset=utf-8";
  if (g_str_has_suffix (name, ".svg"))
    return "image/svg+xml";
  if (g_str_has_suffix (name, ".png"))
    return "image/png";
  return "application/octet-stream";
}

/* Only names the resource lists, one level, no dots in front: the path
 * never reaches a file system, and never another resource. */
static void
serve_static (Call       *call,
              const char *name)
{
  g_auto (GStrv) names = g_resources_enumerate_children (PAGE_RESOURCE, 0, NULL);
  g_autofree char *path = NULL;
  GBytes *bytes;

  if (names == NULL || name[0] == '\0' || name[0] == '.' || strchr (name, '/') != NULL ||
      !g_strv_contains ((const char *const *) names, name))
    return fail (call, "not-found");
  path = g_strconcat (PAGE_RESOURCE, name, NULL);
  bytes = g_resources_lookup_data (path, 0, NULL);
  if (bytes == NULL)
    return fail (call, "not-found");
  g_clear_pointer (&call->res->body, g_bytes_unref);
  call->res->body = bytes;
  call->res->status = 200;
  call->res->content_type = static_type (name);
}

static void
serve_page (Call *call)
{
  g_autoptr (GBytes) bytes = g_resources_lookup_data (PAGE_RESOURCE "index.html", 0, NULL);
  g_autofree char *base = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *text = NULL;
  GString *page;

  if (bytes == NULL)
    return fail (call, "not-found");
  /* Only where an attribute value starts with a placeholder: text in a
   * comment (or anywhere else) is never touched, so the key cannot end up
   * somewhere the page did not mean to put it. */
  base = g_strconcat ("=\"/r/", call->room->key, NULL);
  lang = g_strconcat (" lang=\"", call->lang, "\"", NULL);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  page = g_string_new (text);
  g_string_replace (page, "=\"@BASE@", base, 0);
  g_string_replace (page, " lang=\"@LANG@\"", lang, 0);
  g_clear_pointer (&call->res->body, g_bytes_unref);
  call->res->body = g_string_free_to_bytes (page);
  call->res->status = 200;
  call->res->content_type = "text/html; charset=utf-8";
}

/* GET api/room ---------------------------------------------------------------------- */

static void
api_room (Call *call)
{
  CgSession *session = call->room->session;
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, cg_session_get_detail (session, CG_DETAIL_TITLE));
  json_builder_set_member_name (b, "stage");
  json_builder_add_string_value (b, cg_stage_to_string (cg_session_get_current_stage (session)));
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, (gint64) call->room->version);
  json_builder_set_member_name (b, "locked");
  json_builder_add_boolean_value (b, call->room->locked);
  json_builder_set_member_name (b, "language");
  json_builder_add_string_value (b, call->lang);
  json_builder_set_member_name (b, "partners");
  json_builder_begin_array (b);
  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    {
      const CgPartner *p = cg_session_get_partner (session, i);

      json_builder_begin_object (b);
      cg_room_json_add_id (b, "id", 'p', p->id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, p->name);
      json_builder_set_member_name (b, "claimed");
      json_builder_add_boolean_value (
        b, g_hash_table_contains (call->room->seats, GUINT_TO_POINTER (p->id)));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  cg_room_page_strings_add (b, call->lang);
  json_builder_end_object (b);
  set_json (call, 200, b);
}

/* POST api/claim -------------------------------------------------------------------- */

static void
api_claim (Call *call)
{
  static const char *const allowed[] = { "partner", NULL };
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (JsonBuilder) b = NULL;
  JsonObject *body = parse_body (call, parser, allowed);
  CgRoomSeatState *seat;
  guint partner_id;

  if (body == NULL)
    return;
  if (!cg_room_parse_id (member_string (body, "partner"), 'p', &partner_id) ||
      cg_session_lookup_partner (call->room->session, partner_id) == NULL)
    return fail (call, "unknown-partner");
  if (call->room->locked)
    return fail (call, "room-locked");
  if (g_hash_table_contains (call->room->seats, GUINT_TO_POINTER (partner_id)))
    return fail (call, "seat-taken");
  seat = cg_room_claim_seat (call->room, partner_id);
  if (seat == NULL)
    return fail (call, "unavailable");
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "seat");
  json_builder_add_string_value (b, seat->token);
  cg_room_json_add_id (b, "partner", 'p', partner_id);
  json_builder_end_object (b);
  set_json (call, 200, b);
}

/* GET api/stage: cg-room-stage.c ----------------------------------------------- */

static void
api_stage (Call            *call,
           CgRoomSeatState *seat)
{
  g_autoptr (JsonNode) root = cg_room_stage_view (call->room, seat->partner_id, call->lang);

  set_json_node (call, 200, root);
}

/* POST api/answer ------------------------------------------------------------------- */

typedef enum {
  ANSWER_RATING,
  ANSWER_INVOLVEMENT,
  ANSWER_BELIEVED,
  ANSWER_COMMENT
} AnswerKind;

typedef struct
{
  AnswerKind kind;
  guint target;  /* item id, task id or lesson 0..4 */
  guint value;   /* CgRating, CgInvolvement or partner id */
  char *text;    /* comment, cleaned; NULL = clear */
  char *seq_key; /* "item:s7" ... */
} Answer;

static void
answer_clear (Answer *a)
{
  g_free (a->text);
  g_free (a->seq_key);
}

static gboolean
read_rating (Call       *call,
             JsonObject *body,
             Answer     *a)
{
  const char *id = member_string (body, "item");
  const char *text;
  const CgItem *item;
  gint64 v;
  char prefix;

  if (id == NULL)
    return fail (call, "unknown-item"), FALSE;
  prefix = id[0] == 'a' ? 'a' : 's';
  if (!cg_room_parse_id (id, prefix, &a->target) ||
      (item = cg_session_lookup_item (call->room->session, a->target)) == NULL ||
      (item->kind == CG_ITEM_AIM) != (prefix == 'a'))
    return fail (call, "unknown-item"), FALSE;
  if (!json_object_has_member (body, "value"))
    return fail (call, "bad-value"), FALSE;
  if (member_is_null (body, "value"))
    a->value = CG_RATING_NONE;
  else if (member_int (body, "value", &v) && v >= 1 && v <= CG_RATING_MAX)
    a->value = (guint) v;
  else if ((text = member_string (body, "value")) != NULL && g_str_equal (text, "dont-know"))
    a->value = CG_RATING_DONT_KNOW;
  else
    return fail (call, "bad-value"), FALSE;
  a->kind = ANSWER_RATING;
  a->seq_key = g_strconcat ("item:", id, NULL);
  return TRUE;
}

static gboolean
read_task (Call       *call,
           JsonObject *body,
           Answer     *a)
{
  const char *id = member_string (body, "task");
  gboolean involvement = json_object_has_member (body, "involvement");
  const char *text;

  if (!cg_room_parse_id (id, 't', &a->target) ||
      cg_session_lookup_task (call->room->session, a->target) == NULL)
    return fail (call, "unknown-item"), FALSE;
  if (involvement == json_object_has_member (body, "believes_accountable"))
    return fail (call, involvement ? "unknown-field" : "bad-value"), FALSE;
  a->kind = involvement ? ANSWER_INVOLVEMENT : ANSWER_BELIEVED;
  a->seq_key = g_strconcat (involvement ? "involvement:" : "accountable:", id, NULL);
  if (member_is_null (body, involvement ? "involvement" : "believes_accountable"))
    {
      a->value = 0;
      return TRUE;
    }
  if (involvement)
    {
      CgInvolvement inv;

      text = member_string (body, "involvement");
      if (text != NULL && g_str_equal (text, "none"))
        a->value = CG_INVOLVEMENT_NONE;
      else if (text != NULL && strlen (text) == 1 && strchr ("RACI", text[0]) != NULL &&
               cg_involvement_from_letter (text, &inv))
        a->value = inv;
      else
        return fail (call, "bad-value"), FALSE;
      return TRUE;
    }
  if (!cg_room_parse_id (member_string (body, "believes_accountable"), 'p', &a->value) ||
      cg_session_lookup_partner (call->room->session, a->value) == NULL)
    return fail (call, "bad-value"), FALSE;
  return TRUE;
}

static gboolean
read_comment (Call       *call,
              JsonObject *body,
              Answer     *a)
{
  gint64 lesson;
  const char *text;

  if (!member_int (body, "lesson", &lesson) || lesson < 1 || lesson > CG_N_LESSONS)
    return fail (call, "unknown-item"), FALSE;
  a->kind = ANSWER_COMMENT;
  a->target = (guint) lesson - 1;
  a->seq_key = g_strdup_printf ("comment:%u", a->target + 1);
  if (!json_object_has_member (body, "comment") || member_is_null (body, "comment"))
    return TRUE;
  text = member_string (body, "comment");
  if (text == NULL)
    return fail (call, "bad-value"), FALSE;
  /* Cleaned as the model cleans typed text, then measured: what is stored
   * is what is capped. */
  a->text = cg_text_clean (text);
  if (g_utf8_strlen (a->text, -1) > CG_ROOM_MAX_COMMENT)
    return fail (call, "too-long"), FALSE;
  return TRUE;
}

/* Exactly one of the four shapes, plus an optional seq. */
static gboolean
read_answer (Call       *call,
             JsonObject *body,
             Answer     *a,
             gboolean   *has_seq,
             gint64     *seq)
{
  gboolean item = json_object_has_member (body, "item");
  gboolean task = json_object_has_member (body, "task");
  gboolean lesson = json_object_has_member (body, "lesson");

  *has_seq = json_object_has_member (body, "seq");
  if (*has_seq && (!member_int (body, "seq", seq) || *seq < 0))
    return fail (call, "bad-value"), FALSE;
  if (item + task + lesson != 1)
    return fail (call, item + task + lesson == 0 ? "bad-request" : "unknown-field"), FALSE;
  if (item && (json_object_has_member (body, "involvement") ||
               json_object_has_member (body, "believes_accountable") ||
               json_object_has_member (body, "comment")))
    return fail (call, "unknown-field"), FALSE;
  if (task && (json_object_has_member (body, "value") || json_object_has_member (body, "comment")))
    return fail (call, "unknown-field"), FALSE;
  if (lesson &&
      (json_object_has_member (body, "value") || json_object_has_member (body, "involvement") ||
       json_object_has_member (body, "believes_accountable")))
    return fail (call, "unknown-field"), FALSE;
  if (item)
    return read_rating (call, body, a);
  if (task)
    return read_task (call, body, a);
  return read_comment (call, body, a);
}

/* One undoable step named after the partner, through the same setters the
 * keyboard uses. */
static void
apply_answer (CgRoom       *room,
              guint         partner_id,
              const Answer *a)
{
  CgSession *session = room->session;
  const CgPartner *partner = cg_session_lookup_partner (session, partner_id);
  g_autofree char *label = g_strdup_printf (_("Answer from %s"), partner->name);

  room->applying_partner = partner_id;
  cg_session_begin_labelled_group (session, label);
  switch (a->kind)
    {
    case ANSWER_RATING:
      cg_session_set_rating (session, partner_id, a->target, (CgRating) a->value);
      break;
    case ANSWER_INVOLVEMENT:
      cg_session_set_involvement (session, partner_id, a->target, (CgInvolvement) a->value);
      break;
    case ANSWER_BELIEVED:
      cg_session_set_believed_accountable (session, partner_id, a->target, a->value);
      break;
    case ANSWER_COMMENT: cg_session_set_comment (session, partner_id, a->target, a->text); break;
    default: g_assert_not_reached ();
    }
  cg_session_end_group (session);
  room->applying_partner = 0;
}

static void
api_answer (Call            *call,
            CgRoomSeatState *seat)
{
  static const char *const allowed[] = {
    "item", "value", "task", "involvement", "believes_accountable", "lesson", "comment", "seq", NULL
  };
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (JsonBuilder) b = NULL;
  JsonObject *body = parse_body (call, parser, allowed);
  Answer answer = { 0 };
  gboolean has_seq = FALSE;
  gint64 seq = 0;
  gint64 *last;

  if (body == NULL)
    return;
  /* A seat never outlives its partner (cg-room.c frees it on removal);
   * checked anyway, since the answer is labelled with the partner's name. */
  if (cg_session_lookup_partner (call->room->session, seat->partner_id) == NULL)
    return fail (call, "no-seat");
  if (!read_answer (call, body, &answer, &has_seq, &seq))
    return answer_clear (&answer);
  if (!cg_room_seat_rate_ok (seat))
    return answer_clear (&answer), fail (call, "too-fast");
  last = g_hash_table_lookup (seat->last_seq, answer.seq_key);
  /* An older answer arriving late (a retry overtaken by a newer one) is
   * acknowledged and dropped: the newer one stands. */
  if (!has_seq || last == NULL || seq >= *last)
    {
      apply_answer (call->room, seat->partner_id, &answer);
      seat->answers++;
      if (has_seq)
        {
          if (last == NULL)
            {
              last = g_new (gint64, 1);
              g_hash_table_insert (seat->last_seq, g_steal_pointer (&answer.seq_key), last);
            }
          *last = seq;
        }
      cg_room_seat_answered (call->room, seat);
    }
  answer_clear (&answer);
  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "ok");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "seq");
  json_builder_add_int_value (b, has_seq ? seq : (gint64) seat->answers);
  json_builder_end_object (b);
  set_json (call, 200, b);
}

/* DELETE api/seat, GET api/events --------------------------------------------------- */

static void
api_leave (Call            *call,
           CgRoomSeatState *seat)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  cg_room_release_seat (call->room, seat->partner_id, FALSE);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "ok");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_end_object (b);
  set_json (call, 200, b);
}

static void
api_events (Call            *call,
            CgRoomSeatState *seat)
{
  call->res->status = 200;
  call->res->content_type = "text/event-stream";
  call->res->stream_partner = seat->partner_id;
  g_clear_pointer (&call->res->body, g_bytes_unref);
  call->res->body = g_bytes_new_static ("", 0);
}

/* Routing ----------------------------------------------------------------------------- */

typedef enum {
  NEEDS_NOTHING,
  NEEDS_SEAT
} Needs;

typedef struct
{
  const char *path; /* after /r/KEY */
  const char *method;
  Needs needs;
  void (*run) (Call *call, CgRoomSeatState *seat);
} Route;

static void
run_room (Call            *call,
          CgRoomSeatState *seat)
{
  api_room (call);
}
static void
run_claim (Call            *call,
           CgRoomSeatState *seat)
{
  api_claim (call);
}

static const Route routes[] = {
  { "/api/room", "GET", NEEDS_NOTHING, run_room },
  { "/api/claim", "POST", NEEDS_NOTHING, run_claim },
  { "/api/stage", "GET", NEEDS_SEAT, api_stage },
  { "/api/answer", "POST", NEEDS_SEAT, api_answer },
  { "/api/events", "GET", NEEDS_SEAT, api_events },
  { "/api/seat", "DELETE", NEEDS_SEAT, api_leave },
};

/* The part of @path after a valid /r/KEY, or NULL when the key is wrong
 * or the path is not a room path. */
static const char *
strip_key (Call     *call,
           gboolean *room_path)
{
  const char *path = call->req->path;
  const char *end;
  g_autofree char *key = NULL;

  *room_path = g_str_has_prefix (path, "/r/");
  if (!*room_path || call->room->key == NULL)
    return NULL;
  path += 3;
  end = strchr (path, '/');
  if (end == NULL)
    end = path + strlen (path);
  key = cg_room_normalize_key (path, end - path);
  if (key == NULL || !cg_room_secret_equal (key, call->room->key))
    return NULL;
  return end;
}

static void
route (Call       *call,
       const char *rest)
{
  const CgRoomRequest *req = call->req;
  gboolean get = g_str_equal (req->method, "GET") || g_str_equal (req->method, "HEAD");

  if (rest[0] == '\0' || g_str_equal (rest, "/"))
    return get ? serve_page (call) : fail (call, "wrong-method");
  if (g_str_has_prefix (rest, "/static/"))
    return get ? serve_static (call, rest + strlen ("/static/")) : fail (call, "wrong-method");
  for (gsize i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      CgRoomSeatState *seat = NULL;

      if (!g_str_equal (rest, routes[i].path))
        continue;
      if (!g_str_equal (req->method, routes[i].method) &&
          !(get && g_str_equal (routes[i].method, "GET")))
        return fail (call, "wrong-method");
      if (routes[i].needs == NEEDS_SEAT)
        {
          seat = cg_room_find_seat_by_token (call->room, req->seat);
          if (seat == NULL)
            {
              cg_room_peer_bad_seat (call->room, req->peer);
              return fail (call, "no-seat");
            }
        }
      return routes[i].run (call, seat);
    }
  fail (call, "not-found");
}

void
cg_room_handle (CgRoom              *room,
                const CgRoomRequest *request,
                CgRoomResponse      *response)
{
  Call call = { room, request, response, cg_room_pick_language (request->accept_language) };
  const char *rest;
  gboolean room_path;

  g_return_if_fail (CG_IS_ROOM (room));
  g_return_if_fail (request != NULL && request->method != NULL && request->path != NULL);
  g_return_if_fail (response != NULL);

  memset (response, 0, sizeof *response);
  response->lang = call.lang;
  if (request->peer == NULL || !room->open)
    return fail (&call, "not-found");
  if (cg_room_peer_blocked (room, request->peer))
    return fail (&call, "too-many-tries");
  rest = strip_key (&call, &room_path);
  if (rest == NULL)
    {
      /* Only room paths are guesses at the key; a browser's own
       * /favicon.ico is not. */
      if (room_path)
        cg_room_peer_wrong_key (room, request->peer);
      return fail (&call, "not-found");
    }
  route (&call, rest);
}

void
cg_room_response_clear (CgRoomResponse *response)
{
  g_clear_pointer (&response->body, g_bytes_unref);
}
