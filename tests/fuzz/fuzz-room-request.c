/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: one request to the room, as cg_room_handle() gets it from
 * the server (tests/fuzz/README gives the input format). Whatever comes in:
 * - the response is a known status with a body; JSON bodies parse, and
 *   errors carry "error" and "message";
 * - a refusal (4xx, 5xx) leaves the session byte-identical;
 * - a change to the session is one undo step that undo takes back exactly;
 * - no response carries another partner's comment (sealing): only Ben's
 *   own requests may show Ben's.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "cg-room-private.h"
#include "cg-session-xml.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define KEY "7KQ2M9XD4T"
#define SECRET "SECRET-COMMENT-7731"

typedef struct
{
  CgSession *session;
  CgRoom *room;
  char *seat;       /* Ann's token */
  char *other_seat; /* Ben's token */
} World;

/* A small workshop: three partners, two statements, an aim, a task; Ben
 * has a comment nobody else may ever see. */
static void
world_init (World *w)
{
  guint ann, ben, s1;

  w->session = cg_session_new ();
  cg_session_set_detail (w->session, CG_DETAIL_TITLE, "Fuzz workshop");
  ann = cg_session_add_partner (w->session, "Ann", NULL, NULL); /* p1 */
  ben = cg_session_add_partner (w->session, "Ben", NULL, NULL); /* p2 */
  cg_session_add_partner (w->session, "Cara", NULL, NULL);      /* p3 */
  s1 = cg_session_add_statement (w->session, 0, "One");         /* s4 */
  cg_session_add_statement (w->session, 0, "Two");              /* s5 */
  cg_session_add_aim (w->session, "Aim");                       /* a6 */
  cg_session_add_task (w->session, "Task");                     /* t7 */
  cg_session_set_rating (w->session, ben, s1, CG_RATING_2);
  cg_session_set_comment (w->session, ben, 0, SECRET);
  cg_session_set_answers_hidden (w->session, TRUE);
  cg_session_set_current_stage (w->session, CG_STAGE_LESSON_1);
  cg_session_clear_history (w->session);
  w->room = cg_room_new (w->session);
  cg_room_open_without_network (w->room, KEY);
  w->seat = g_strdup (cg_room_claim_seat (w->room, ann)->token);
  w->other_seat = g_strdup (cg_room_claim_seat (w->room, ben)->token);
}

static void
world_clear (World *w)
{
  g_object_unref (w->room);
  g_object_unref (w->session);
  g_free (w->seat);
  g_free (w->other_seat);
}

/* Input: METHOD \n PATH \n CONTENT-TYPE \n ACCEPT-LANGUAGE \n SEAT \n STAGE \n BODY.
 * "@KEY@" in the path stands for the room's key; a SEAT line "ann" or
 * "ben" for that partner's token, "-" for none; the STAGE line's first
 * byte picks what the facilitator shows (0 lesson 1, 1 aims, 2 roles,
 * 3 review; +4 revealed). */
static char *
take_line (const uint8_t **data,
           size_t         *size)
{
  const uint8_t *nl = memchr (*data, '\n', *size);
  size_t len = nl != NULL ? (size_t) (nl - *data) : *size;
  char *line = g_strndup ((const char *) *data, len);

  *data += nl != NULL ? len + 1 : len;
  *size -= nl != NULL ? len + 1 : len;
  return line;
}

static gboolean
known_status (guint status)
{
  static const guint known[] = { 200, 400, 401, 404, 405, 409, 413, 415, 423, 429, 503 };

  for (gsize i = 0; i < G_N_ELEMENTS (known); i++)
    if (status == known[i])
      return TRUE;
  return FALSE;
}

/* @own_secret: the request came from Ben, who may see his own comment. */
static void
check_response (const CgRoomResponse *res,
                gboolean              own_secret)
{
  gsize len = 0;
  const char *body;

  if (!known_status (res->status) || res->body == NULL || res->content_type == NULL)
    abort ();
  body = g_bytes_get_data (res->body, &len);
  if (!own_secret && len > 0 && g_strstr_len (body, len, SECRET) != NULL)
    abort ();
  if (g_str_equal (res->content_type, "application/json"))
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      JsonNode *root;

      if (!json_parser_load_from_data (parser, body, len, NULL))
        abort ();
      root = json_parser_get_root (parser);
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        abort ();
      if (res->status >= 400 && (!json_object_has_member (json_node_get_object (root), "error") ||
                                 !json_object_has_member (json_node_get_object (root), "message")))
        abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  World w;
  g_autofree char *method = take_line (&data, &size);
  g_autofree char *raw_path = take_line (&data, &size);
  g_autofree char *content_type = take_line (&data, &size);
  g_autofree char *lang = take_line (&data, &size);
  g_autofree char *seat_line = take_line (&data, &size);
  g_autofree char *stage_line = take_line (&data, &size);
  g_autofree char *path = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autoptr (GString) p = g_string_new (raw_path);
  CgRoomRequest req = { 0 };
  CgRoomResponse res;
  guint stages[] = { CG_STAGE_LESSON_1, CG_STAGE_AIMS, CG_STAGE_ROLES, CG_STAGE_REVIEW };

  world_init (&w);
  g_string_replace (p, "@KEY@", KEY, 0);
  path = g_string_free (g_steal_pointer (&p), FALSE);
  cg_session_set_current_stage (w.session, stages[(guint8) stage_line[0] % G_N_ELEMENTS (stages)]);
  if ((guint8) stage_line[0] & 4)
    cg_session_set_revealed (w.session, cg_session_get_current_stage (w.session), TRUE);
  before = cg_session_xml_save_bytes (w.session, NULL);

  req.method = method;
  req.path = path;
  req.content_type = content_type[0] != '\0' ? content_type : NULL;
  req.accept_language = lang[0] != '\0' ? lang : NULL;
  req.seat = g_str_equal (seat_line, "ann")   ? w.seat
             : g_str_equal (seat_line, "ben") ? w.other_seat
             : g_str_equal (seat_line, "-")   ? NULL
                                              : seat_line;
  req.body = data;
  req.body_len = size;
  req.peer = "192.0.2.1";
  cg_room_handle (w.room, &req, &res);
  check_response (&res, req.seat == w.other_seat);

  after = cg_session_xml_save_bytes (w.session, NULL);
  if (res.status >= 400 && !g_bytes_equal (before, after))
    abort ();
  if (!g_bytes_equal (before, after))
    {
      g_autoptr (GBytes) undone = NULL;

      /* One named step, and undo takes back exactly that. */
      if (cg_session_get_undo_label (w.session) == NULL || !cg_session_undo (w.session))
        abort ();
      undone = cg_session_xml_save_bytes (w.session, NULL);
      if (!g_bytes_equal (before, undone) || cg_session_can_undo (w.session))
        abort ();
    }
  cg_room_response_clear (&res);
  world_clear (&w);
  return 0;
}
