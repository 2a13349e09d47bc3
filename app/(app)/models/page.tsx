import type { Metadata } from "next";
import { ModelsBrowser } from "@/components/models/models-browser";

export const metadata: Metadata = { title: "Models" };

export default function ModelsPage() {
  return <ModelsBrowser />;
}
