"use client";
// What the reader can do to change a conversation's course — switch versions and branches,
// edit a prompt, continue from one answer, fuse a turn, swap or add models — handed down by
// context so the cards that offer it need no new props through the grid. Absent (a shared
// snapshot, a comparison not saved yet): none of it is offered.
import { createContext, useContext } from "react";
import type { ModelOption } from "@/lib/chat/api-types";

export interface CourseActions {
  /** Something is streaming or saving: choices wait. */
  busy: boolean;
  models: readonly ModelOption[];
  select(messageId: string): void;
  edit(promptId: string, prompt: string): void;
  continueWith(promptId: string, answerId: string | null): void;
  fuse(turn: number, promptId: string, modelId: string): void;
  /** Replace column `index`'s model (null: remove the column); index = column count adds one. */
  setColumnModel(index: number, modelId: string | null): void;
}

export const CourseContext = createContext<CourseActions | null>(null);

export function useCourse(): CourseActions | null {
  return useContext(CourseContext);
}
