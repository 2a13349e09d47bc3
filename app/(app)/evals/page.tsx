import type { Metadata } from "next";
import { EvalSetsView } from "@/components/arena/eval-sets-view";

export const metadata: Metadata = { title: "Evaluation sets" };

export default function EvalSetsPage() {
  return <EvalSetsView />;
}
