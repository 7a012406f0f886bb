/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-room-page-strings.c: the partner page's fixed strings (buttons,
 * headings, status lines). They live here rather than in room.js so that
 * xgettext finds them and de.po translates them; GET /r/KEY/api/room sends
 * them translated for the phone's language. */
#define G_LOG_DOMAIN "cg-room"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-room.h"
#include "cg-room-page-strings.h"

static const CgRoomPageString page_strings[] = {
  { "choose-partner", N_("Who are you?") },
  { "sending", N_("Sending…") },
  { NULL, NULL }
};

const CgRoomPageString *
cg_room_page_strings (void)
{
  return page_strings;
}

void
cg_room_page_strings_add (JsonBuilder *builder, const char *lang)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));

  json_builder_set_member_name (builder, "strings");
  json_builder_begin_object (builder);
  for (const CgRoomPageString *s = page_strings; s->key != NULL; s++)
    {
      json_builder_set_member_name (builder, s->key);
      json_builder_add_string_value (builder, cg_room_translate (lang, NULL, s->text));
    }
  json_builder_end_object (builder);
}
