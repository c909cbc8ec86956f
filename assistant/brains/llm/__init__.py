"""The LLM brain: an OpenAI-compatible chat model through LangChain.

Replies are structured output validated by pydantic; when a call fails the session
falls back to the offline brain, so this package never has to be right to be safe.
"""
