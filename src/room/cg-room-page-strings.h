/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-room-page-strings.h: the partner page's own fixed strings. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *key;  /* what room.js looks the text up by */
  const char *text; /* English, marked for translation */
} CgRoomPageString;

/* The whole table, ending with { NULL, NULL }. */
const CgRoomPageString *cg_room_page_strings (void);

/* Adds member "strings": {key: text translated for @lang, ...} to the
 * object @builder is building. */
void cg_room_page_strings_add (JsonBuilder *builder, const char *lang);

G_END_DECLS
